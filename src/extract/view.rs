//! One sentence as the rules see it, and a trigger found in it before it becomes
//! an event.

use super::gazetteer::{Entity, EntityClass};
use super::lexicon::Lexicon;
use super::parse::{LazySyntax, SentenceSyntax};
use crate::model::{Kind, Status};
use crate::text::{is_double_quote_mark, phrase_at, Token};

/// How far before a reported "would" its verb of saying may stand: "said on
/// Friday that the army would" puts it six words back.
const FUTURE_IN_PAST_REACH: usize = 7;

/// A name found in a sentence: token range and what it stands for.
#[derive(Debug, Clone)]
pub(super) struct NameMention {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) entity: Entity,
}

/// Everything the rules need to look at in one sentence.
pub(super) struct SentenceView<'a, 's> {
    pub(super) tokens: &'s [Token<'a>],
    /// Lowercase: for lexicon words.
    pub(super) folded: Vec<String>,
    pub(super) names: Vec<NameMention>,
    pub(super) lexicon: &'s Lexicon,
    /// The sentence text and its byte offset in the document, for the parser.
    pub(super) text: &'s str,
    pub(super) start: usize,
    pub(super) syntax: LazySyntax,
}

impl SentenceView<'_, '_> {
    /// The sentence's dependency parse, made on first use, reading token `through`
    /// with its context (the words after it may not be parsed).
    pub(super) fn syntax(&self, through: usize) -> Option<std::cell::Ref<'_, SentenceSyntax>> {
        self.syntax.get(self.tokens, self.text, self.start, through)
    }

    /// The parse read through extractor token `token`, and the parser's word there:
    /// what every syntactic rule starts from.
    pub(super) fn parsed_word(
        &self,
        token: usize,
    ) -> Option<(std::cell::Ref<'_, SentenceSyntax>, usize)> {
        let parsed = self.syntax(token)?;
        let word = parsed.word(token)?;
        Some((parsed, word))
    }

    pub(super) fn name_at(&self, i: usize) -> Option<&NameMention> {
        self.names.iter().find(|m| m.first <= i && i < m.end)
    }

    pub(super) fn name_starting_at(&self, first: usize) -> Option<&NameMention> {
        self.names.iter().find(|m| m.first == first)
    }

    /// The first name starting within `window` tokens from `from`, with only
    /// determiners, capitalised qualifiers or title words before it ("received US
    /// envoy Morgan Ortagus", "said Iranian Foreign Minister Abbas Araghchi").
    pub(super) fn name_after(&self, from: usize, window: usize) -> Option<&NameMention> {
        for j in from..self.tokens.len().min(from + window) {
            if let Some(m) = self.name_starting_at(j) {
                return Some(m);
            }
            let token = &self.tokens[j];
            let filler = self.is_determiner(j)
                || token.is_word() && token.is_capitalized()
                || self.lexicon.gazetteer.is_title(&self.folded[j])
                || self.stands_for_named(j);
            if !filler {
                return None;
            }
        }
        None
    }

    /// Words between a verb and the name it takes that point through to that name:
    /// "spoke to both Zelensky and Putin", "spoke with the prime ministers of Israel
    /// and Lebanon".
    fn stands_for_named(&self, j: usize) -> bool {
        self.folded[j] == "both"
            || self
                .lexicon
                .events
                .representatives
                .contains(&self.folded[j])
            || self.of_representatives(j)
    }

    /// Is token `of` the "of" of "the leaders of", "the prime ministers of" (or the
    /// "from" of "leaders from ECOWAS")? Those named after it act through them.
    pub(super) fn of_representatives(&self, of: usize) -> bool {
        self.preposition_after(of, &["of", "from"], &self.lexicon.events.representatives)
    }

    /// Is token `of` the "of" of "a wave of", "a barrage of", "dozens of"? What
    /// follows is the head of the phrase, as if the quantity were a determiner.
    pub(super) fn of_quantity(&self, of: usize) -> bool {
        self.preposition_after(of, &["of"], &self.lexicon.events.quantity_nouns)
    }

    /// Is token `at` one of `prepositions` right after one of `heads`?
    fn preposition_after(
        &self,
        at: usize,
        prepositions: &[&str],
        heads: &std::collections::BTreeSet<String>,
    ) -> bool {
        prepositions.contains(&self.folded[at].as_str())
            && at > 0
            && heads.contains(&self.folded[at - 1])
    }

    /// Does a comma or a closing quotation mark stand right before token `i`, as
    /// before an inverted verb of speech ("...," said Trump; "..., said diplomats")?
    pub(super) fn closes_clause_before(&self, i: usize) -> bool {
        i > 0
            && matches!(
                self.tokens[i - 1].text,
                "," | "\"" | "\u{201d}" | "'" | "\u{2019}"
            )
    }

    /// Where the quotation holding token `i` closes: an odd number of double
    /// quotation marks stand before `i`, and this is the first from `i` on.
    pub(super) fn quotation_close_after(&self, i: usize) -> Option<usize> {
        let marks_before = self.tokens[..i]
            .iter()
            .filter(|t| is_double_quote_mark(t.text))
            .count();
        if marks_before % 2 == 0 {
            return None;
        }
        (i..self.tokens.len()).find(|&k| is_double_quote_mark(self.tokens[k].text))
    }

    /// Is token `i` inside a quotation? One that opens and closes within the
    /// sentence, or one running on from the sentence before whose closing mark ends
    /// a clause ("... and the second on December 29, 2024," it pointed out). A
    /// quotation running into the next sentence is not taken to hold anything.
    pub(super) fn inside_quotation(&self, i: usize) -> bool {
        let mut marks =
            (0..self.tokens.len()).filter(|&k| is_double_quote_mark(self.tokens[k].text));
        let Some(first) = marks.next() else {
            return false;
        };
        if marks.count() % 2 == 0 {
            let closes = self.tokens[first].text == "\u{201d}"
                || first > 0 && matches!(self.tokens[first - 1].text, "," | "." | "?" | "!");
            return closes && i < first;
        }
        self.quotation_close_after(i).is_some_and(|close| close > i)
    }

    pub(super) fn name_ending_at(&self, end: usize) -> Option<&NameMention> {
        self.names.iter().find(|m| m.end == end)
    }

    pub(super) fn is_break(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_clause_break())
    }

    /// The first token of the clause holding token `first`: just after the last
    /// break before it.
    pub(super) fn clause_start(&self, first: usize) -> usize {
        (0..first)
            .rev()
            .find(|&j| self.is_break(j))
            .map_or(0, |j| j + 1)
    }

    /// Where the clause holding the tokens before `end` stops: the first break from
    /// `end` on, or the end of the sentence.
    pub(super) fn clause_end(&self, end: usize) -> usize {
        (end..self.tokens.len())
            .find(|&j| self.is_break(j))
            .unwrap_or(self.tokens.len())
    }

    /// Where the words before `trigger` stop being auxiliaries ("they had struck":
    /// at "had"): the word before that position is the verb's subject, if any.
    pub(super) fn before_auxiliaries(&self, trigger: usize) -> usize {
        let auxiliaries = &self.lexicon.events.auxiliaries;
        let mut j = trigger;
        while j > 0 && auxiliaries.contains(&self.folded[j - 1]) {
            j -= 1;
        }
        j
    }

    /// Is the verb at `trigger` passive: a form of "be" among the auxiliaries right
    /// before it ("was killed", "had been struck", "was announced by")?
    pub(super) fn is_passive(&self, trigger: usize) -> bool {
        // "was withdrawing": a form of "be" before an -ing form is progressive.
        if self.folded[trigger].ends_with("ing") {
            return false;
        }
        // "was brutally killed", "was “brutally killed”": a manner adverb and a
        // quotation mark may stand between the "be" and its participle.
        let mut j = trigger;
        loop {
            j = self.before_auxiliaries(j);
            let skippable = j > 0
                && (is_double_quote_mark(self.tokens[j - 1].text) || self.is_manner_adverb(j - 1));
            if !skippable {
                break;
            }
            j -= 1;
        }
        // "was ambushed and shot dead by a commando", "were arrested and detained":
        // a participle joined to a passive one shares its "be".
        (j..trigger).any(|k| self.is_passive_auxiliary(k))
            || j >= 2 && self.folded[j - 1] == "and" && self.is_passive(j - 2)
    }

    /// The tokens of the passive subject the parse gives the verb at `i`: its head word
    /// and the words of its name and apposition, however long ("Sen. Miguel Uribe
    /// Turbay, a possible candidate in next year's election, was shot"), or the noun
    /// a relative "who" stands for.
    pub(super) fn passive_subject(&self, i: usize) -> Vec<usize> {
        let Some((parsed, verb)) = self.parsed_word(i) else {
            return Vec::new();
        };
        let tree = &parsed.tree;
        let Some(mut subject) = tree.dependent(verb, "nsubj:pass") else {
            return Vec::new();
        };
        // "Uribe, who was shot in the head": a relative "who" stands for the noun
        // its clause describes.
        let relative = parsed
            .token_of(subject)
            .is_some_and(|k| matches!(self.folded[k].as_str(), "who" | "whom"));
        if relative && tree.deprel(verb) == "acl:relcl" {
            if let Some(described) = tree.head(verb) {
                subject = described;
            }
        }
        std::iter::once(subject)
            .chain(
                tree.dependents(subject)
                    .filter(|&d| matches!(tree.deprel(d), "flat" | "flat:name" | "appos")),
            )
            .filter_map(|word| parsed.token_of(word))
            .collect()
    }

    /// A lowercase word in "-ly" ("unequivocally", "brutally"): a manner adverb that
    /// may stand between a verb and its auxiliaries or subject.
    pub(super) fn is_manner_adverb(&self, i: usize) -> bool {
        self.folded[i].ends_with("ly")
            && self.tokens[i].is_word()
            && !self.tokens[i].is_capitalized()
    }

    /// A form of "be" that may make a participle after it passive.
    pub(super) fn is_passive_auxiliary(&self, i: usize) -> bool {
        matches!(
            self.folded[i].as_str(),
            "was" | "were" | "is" | "are" | "be" | "been" | "being"
        )
    }

    /// Determiners and lowercase words: what may stand between a name or a
    /// preposition and the noun it qualifies ("an Israeli air strike").
    pub(super) fn is_lowercase_modifier(&self, i: usize) -> bool {
        self.is_determiner(i) || self.tokens[i].is_word() && !self.tokens[i].is_capitalized()
    }

    /// Is the "would" at `would` the future of a past verb of saying that governs
    /// the trigger at `trigger` ("said on Friday it would suspend Guinea",
    /// "announced that troops would immediately withdraw")? Reported speech turns a
    /// plan's "will" into "would"; a condition anywhere after it ("would retaliate
    /// if attacked") keeps it a supposition.
    pub(super) fn reported_future(&self, would: usize, trigger: usize) -> bool {
        if self.folded[would] != "would" || would >= trigger {
            return false;
        }
        let governs = (would + 1..trigger).all(|k| {
            self.is_manner_adverb(k) || matches!(self.folded[k].as_str(), "also" | "soon" | "then")
        });
        let conditional = self.folded[trigger..]
            .iter()
            .any(|w| matches!(w.as_str(), "if" | "unless" | "should"));
        let reporters = &self.lexicon.events.future_in_past_reporters;
        let reported = (would.saturating_sub(FUTURE_IN_PAST_REACH)..would)
            .rev()
            .take_while(|&k| !self.is_break(k))
            .any(|k| reporters.contains(&self.folded[k]));
        governs && !conditional && reported
    }

    pub(super) fn any_phrase(&self, i: usize, phrases: &[Vec<String>]) -> bool {
        phrases.iter().any(|p| phrase_at(&self.folded, i, p))
    }

    /// Does the trigger of `candidate` name what happened without its doer ("the
    /// explosion", "a blast", "the bomb exploded"; see `agentless_words`)?
    pub(super) fn agentless(&self, candidate: &Candidate) -> bool {
        (candidate.first..candidate.end)
            .any(|j| self.any_phrase(j, &self.lexicon.events.agentless_words))
    }

    /// "Arouri's assassination", "Khan's arrest": a person who owns a patient noun
    /// (see `patient_nouns`) suffered it ("Israel's assassination of Arouri": a
    /// side did it).
    pub(super) fn owner_suffered(&self, noun: usize, owner: &NameMention) -> bool {
        owner.entity.class == EntityClass::Person
            && self
                .lexicon
                .events
                .patient_nouns
                .contains(&self.folded[noun])
    }

    /// A word that breaks what follows it off from what precedes (see `order_breaks`).
    pub(super) fn is_order_break(&self, i: usize) -> bool {
        self.lexicon.events.order_breaks.contains(&self.folded[i])
    }

    pub(super) fn order_break_in(&self, tokens: std::ops::Range<usize>) -> bool {
        tokens.into_iter().any(|j| self.is_order_break(j))
    }

    /// Articles and possessive pronouns: words that stand before a noun phrase.
    pub(super) fn is_determiner(&self, i: usize) -> bool {
        self.lexicon.events.is_determiner(&self.folded[i])
    }

    /// The first token from `i` on that is no determiner ("the" of "by the RSF"
    /// read past), or the sentence's end.
    pub(super) fn past_determiners(&self, mut i: usize) -> usize {
        while i < self.tokens.len() && self.is_determiner(i) {
            i += 1;
        }
        i
    }
}

/// A trigger found in a sentence, before it becomes an event.
pub(super) struct Candidate {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    pub(super) noun: bool,
    pub(super) status: Status,
    /// The verb reports the event only with a named actor as its object.
    pub(super) needs_object: bool,
    /// The initiator, then others acting with it.
    pub(super) actors: Vec<String>,
    pub(super) counterparts: Vec<String>,
    pub(super) place: Option<String>,
    /// A noun trigger is pinned down by a city, participants or "by X".
    pub(super) pinned: bool,
    pub(super) time: Option<usize>,
    /// The date was borrowed from another trigger in the sentence.
    pub(super) time_shared: bool,
    /// What a speech verb is about ("denounce Israel's attack"): it keeps only a
    /// date of its own, never the speaking's.
    pub(super) topic: bool,
    /// What a verb of `acts_on` acts on ("lifted travel, commercial and economic
    /// sanctions"), which may lie past its clause.
    pub(super) acted_on: Option<usize>,
    /// "strikes on Gaza since Monday have killed 139": the date a "since" phrase
    /// starts the event at; it runs on to the day of the report.
    pub(super) since: Option<usize>,
    /// The person a passive strike names as its target ("Fico was shot"): enough to
    /// know the strike by when the text names neither its doer nor its place.
    pub(super) victim: Option<String>,
}

/// How far a trigger's words reach: its clause, and to the right up to the next
/// trigger or a hard stop.
pub(super) struct Reach {
    pub(super) clause_start: usize,
    pub(super) clause_end: usize,
    pub(super) end: usize,
    /// Where the previous trigger of the sentence ends.
    pub(super) previous_end: usize,
}

impl Reach {
    pub(super) fn of(
        candidate: &Candidate,
        view: &SentenceView<'_, '_>,
        previous_end: usize,
        next_trigger: usize,
    ) -> Reach {
        let tokens = view.tokens;
        let end = candidate.end;
        let hard_stop = (end..tokens.len())
            .find(|&j| matches!(tokens[j].text, ";" | ":" | "(" | "“" | "\""))
            .unwrap_or(tokens.len());
        Reach {
            clause_start: view.clause_start(candidate.first),
            clause_end: view.clause_end(end),
            end: next_trigger.min(end + 20).min(hard_stop),
            previous_end,
        }
    }
}

/// The name the subject word stands for: among the names held by the word and the
/// words joined to it as parts of one name (`flat`, `compound`), the last, since an
/// English name phrase ends in its head ("UN Secretary-General Antonio Guterres",
/// "Kremlin spokesman Dmitry Peskov"); failing that, an appositive ("the envoy,
/// Kirill Dmitriev,").
pub(super) fn name_of<'v>(
    view: &'v SentenceView<'_, '_>,
    parsed: &SentenceSyntax,
    word: usize,
) -> Option<&'v NameMention> {
    let tree = &parsed.tree;
    let holds = |m: &NameMention, w: usize| {
        let first = parsed.word(m.first);
        let last = parsed.word(m.end.saturating_sub(1));
        first.zip(last).is_some_and(|(f, l)| f <= w && w <= l)
    };
    let named = |words: &[usize]| {
        view.names
            .iter()
            .filter(|m| words.iter().any(|&w| holds(m, w)))
            .max_by_key(|m| m.first)
    };
    let mut chain = vec![word];
    chain.extend(
        tree.dependents(word)
            .filter(|&d| matches!(tree.deprel(d), "flat" | "compound")),
    );
    named(&chain)
        .or_else(|| {
            let appositives: Vec<usize> = tree
                .dependents(word)
                .filter(|&d| tree.deprel(d) == "appos")
                .collect();
            named(&appositives)
        })
        .or_else(|| {
            // "the authorities in Stepanakert", "officials in Kyiv": those who govern
            // there speak for the place. ("Al Jazeera's office in Jerusalem" is its
            // owner's, not the place's.)
            let first = parsed.token_of(word)?;
            if tree.dependents(word).any(|d| tree.deprel(d) == "nmod:poss") {
                return None;
            }
            if !view
                .lexicon
                .events
                .representatives
                .contains(&view.folded[first])
            {
                return None;
            }
            let seat = tree.dependents(word).find(|&d| {
                tree.deprel(d) == "nmod"
                    && tree
                        .dependent(d, "case")
                        .and_then(|c| parsed.token_of(c))
                        .is_some_and(|c| view.folded[c] == "in")
            })?;
            named(&[seat])
        })
        .or_else(|| {
            // A title heads the subject and the person holding it hangs below it
            // ("Secretary-General of NATO Mark Rutte"): the last person in it.
            let first = parsed.token_of(word)?;
            if !view.lexicon.gazetteer.is_title(&view.folded[first]) {
                return None;
            }
            let span = tree.span(word);
            view.names
                .iter()
                .filter(|m| m.entity.class == EntityClass::Person)
                .filter(|m| parsed.word(m.first).is_some_and(|w| span.contains(&w)))
                .max_by_key(|m| m.first)
        })
}

/// The actor a name speaks, acts or owns for: a capital for its country
/// ("Washington said", "missiles fired by Tehran", "Washington's Bureau of African
/// Affairs").
pub(super) fn speaking_actor(m: &NameMention) -> Option<String> {
    match m.entity.class {
        EntityClass::Capital => m.entity.country.clone(),
        _ => m.entity.actor().map(str::to_string),
    }
}

/// The actor a name stands for, if it names one.
pub(super) fn actor_of(m: &NameMention) -> Option<String> {
    m.entity.actor().map(str::to_string)
}
