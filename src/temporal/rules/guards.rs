//! The context checks a rule may ask for beyond its tokens (see [`Guard`]).

use super::captures::Captures;
use super::scan::Scanner;
use super::spec::{Class, Guard};
use crate::temporal::pattern::Unit;
use crate::text::TokenKind;

impl Scanner<'_, '_> {
    /// Does `guard` hold for the match over `start..end`?
    pub(super) fn guard(
        &self,
        guard: Guard,
        start: usize,
        end: usize,
        captures: &Captures,
    ) -> bool {
        let lex = self.lexicon;
        let word_before = self.word_before(start);
        match guard {
            Guard::AfterPreposition => self.after_preposition(start, end),
            Guard::Attributive => self.attributive(start, end),
            Guard::StandaloneNumber => self.standalone_number(start, end),
            Guard::MonthNotModal => self.month_not_modal(start, end, captures),
            Guard::NotBeforeNoun => !self.tokens.get(end).is_some_and(|t| {
                t.text == "-" || t.is_word() && lex.duration_nouns.contains(&self.folded[end])
            }),
            Guard::PlainSeason => {
                let last = &self.tokens[end - 1];
                !last.is_capitalized() && !lex.ambiguous_seasons.contains(&self.folded[end - 1])
            }
            Guard::NotName => {
                !(self.tokens[end - 1].is_capitalized()
                    && self
                        .tokens
                        .get(end)
                        .is_some_and(|t| t.is_word() && t.is_capitalized()))
            }
            Guard::AfterQuantity => self.after_quantity(start),
            Guard::SingularUnit => !captures.plural,
            Guard::PluralUnit => captures.plural,
            Guard::CalendarUnit => !captures.unit.is_some_and(Unit::is_within_day),
            Guard::BeforeWord => self.tokens.get(end).is_some_and(|t| {
                let word = &self.folded[end];
                t.is_word() && !lex.passive_auxiliaries.contains(word) && !lex.is_past_tense(word)
            }),
            Guard::EndsPhrase => {
                self.guard(Guard::NotBeforeWord, start, end, captures)
                    || self
                        .word(end)
                        .is_some_and(|w| lex.date_prepositions.contains(w))
            }
            Guard::NotPartOfDay => {
                !(word_before.is_some_and(|w| lex.modifiers.contains_key(w))
                    && captures.unit.is_some_and(Unit::is_within_day))
            }
            Guard::NotAfterOf => !matches!(word_before, Some("of" | "among")),
            Guard::NotQuarter => captures.unit != Some(Unit::Quarter),
            Guard::NotAFall => !self.fall_of_something(end),
            // "a quarter of the market" is a share; "several quarters of losses" a length.
            Guard::NotAShare => {
                // "about a quarter, of its dealers": a comma may stand before "of".
                let of = if self.is(end, ",") { end + 1 } else { end };
                !(captures.unit == Some(Unit::Quarter)
                    && self.is(of, "of")
                    && self
                        .word(of + 1)
                        .is_some_and(|w| lex.determiners.contains(w)))
            }
            Guard::AfterDayClosing => {
                word_before.is_some_and(|w| lex.day_closing_words.contains(w))
            }
            Guard::NotCompared => !matches!(word_before, Some("most" | "more" | "less" | "least")),
            Guard::NotBeforeEra => !lex
                .before_common_era
                .iter()
                .any(|era| crate::text::phrase_at(self.folded, end, era)),
            Guard::NotSuperlative => !matches!(word_before, Some("most" | "least")),
            // Without a part-of-speech tagger: a noun phrase is followed by what ends
            // it (punctuation, a conjunction, a preposition), a relative pronoun or an
            // auxiliary, or a verb in the past or the third
            // person ("the future looks bleak"); an adjective by its noun.
            Guard::Nominal => {
                self.guard(Guard::EndsPhrase, start, end, captures)
                    || self.word(end).is_some_and(|w| {
                        lex.nominal_followers.contains(w)
                            || lex.is_past_tense(w)
                            || w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
                    })
            }
            // "three-quarters of its food" is a share, and "quarters" alone rarely
            // a length of time.
            Guard::MeasuresTime => {
                captures.unit != Some(Unit::Quarter)
                    && (word_before.is_some_and(|w| lex.length_verbs.contains(w))
                        || self.word(end).is_some_and(|w| lex.gap_words.contains(w)))
            }
            // "on a Tuesday" dates nothing; "a Friday deadline", "a Wednesday media
            // event" do.
            Guard::NotIndefinite => {
                !matches!(word_before, Some("a" | "an" | "any"))
                    || self.word(end).is_some_and(|w| lex.is_event_head(w))
                    || self
                        .tokens
                        .get(end)
                        .is_some_and(|t| t.is_word() && !t.is_capitalized())
                        && self.word(end + 1).is_some_and(|w| lex.is_event_head(w))
            }
            Guard::NotInHoliday => !(1..=3).any(|back| {
                start
                    .checked_sub(back)
                    .and_then(|i| self.holiday_at(i))
                    .is_some_and(|(_, length)| length > back)
            }),
            Guard::NotNamedEvent => !self
                .word(end)
                .is_some_and(|w| lex.named_event_heads.contains(w)),
            Guard::NotAfterRanking => !self.after_ranking(start),
            Guard::NotAfterPerfect => !self.after_perfect_span(start),
            Guard::NotBeforeWord => {
                // "the first-ever summit": a hyphen joining a word makes one compound.
                let compound = self.tokens.get(end).is_some_and(|hyphen| {
                    hyphen.text == "-"
                        && self.tokens[end - 1].touches(hyphen)
                        && self
                            .tokens
                            .get(end + 1)
                            .is_some_and(|next| next.is_word() && hyphen.touches(next))
                });
                !compound
                    && self.tokens.get(end).is_none_or(|t| {
                        !t.is_word() && t.kind != TokenKind::Number
                            || lex.date_conjunctions.contains(&self.folded[end])
                    })
            }
            Guard::NotFraction => self.not_fraction(start, end, captures),
            Guard::IsoMonth => {
                let month = self.tokens[end - 1].text;
                month.len() == 2
                    && (month.starts_with('0') || self.tokens.get(end).is_none_or(|t| !t.is_word()))
            }
        }
    }

    fn word_before(&self, start: usize) -> Option<&str> {
        start.checked_sub(1).and_then(|j| self.word(j))
    }

    /// A date preposition comes before `start`; "as early as December", "as late as
    /// 2019" hold their date like one.
    fn preposition_before(&self, start: usize) -> bool {
        let word_before = self.word_before(start);
        let as_early_as = word_before == Some("as")
            && start
                .checked_sub(2)
                .and_then(|j| self.word(j))
                .is_some_and(|w| matches!(w, "early" | "late" | "soon"));
        as_early_as || word_before.is_some_and(|w| self.lexicon.date_prepositions.contains(w))
    }

    fn after_preposition(&self, start: usize, end: usize) -> bool {
        let lex = self.lexicon;
        let linked = self
            .word_before(start)
            .is_some_and(|w| lex.linking_prepositions.contains(w));
        let ambiguous = self
            .word(start)
            .is_some_and(|w| lex.ambiguous_months.contains(w) || lex.ambiguous_seasons.contains(w));
        let word_after = self.tokens.get(end).is_some_and(|t| t.is_word());
        // "prices continue to fall": an infinitive, unless "to" ends a range of dates
        // ("from spring to fall", "March to May").
        let date_word = Class::Month.bit() | Class::Season.bit() | Class::Weekday.bit();
        let infinitive = start >= 2
            && self.is(start - 1, "to")
            && self.tokens[start - 2].kind != TokenKind::Number
            && lex
                .word_classes
                .get(&self.folded[start - 2])
                .is_none_or(|classes| classes & date_word == 0);
        self.preposition_before(start) && !(linked && ambiguous && (word_after || infinitive))
    }

    fn attributive(&self, start: usize, end: usize) -> bool {
        let lex = self.lexicon;
        let determiner = self
            .word_before(start)
            .is_some_and(|w| lex.determiners.contains(w));
        let noun_after = self.tokens.get(end).is_some_and(|t| {
            t.is_word()
                && !t.is_capitalized()
                && !lex.date_prepositions.contains(&self.folded[end])
                && !lex.date_conjunctions.contains(&self.folded[end])
        });
        determiner && self.tokens[start].is_capitalized() && noun_after
    }

    /// "the fall of Budapest": an ambiguous season before "of" and no year.
    fn fall_of_something(&self, end: usize) -> bool {
        let season = self.word(end - 1).unwrap_or_default();
        self.lexicon.ambiguous_seasons.contains(season)
            && self.is(end, "of")
            && self
                .class_at(Class::Year, end + 1, &mut Captures::default())
                .is_none()
    }

    fn standalone_number(&self, start: usize, end: usize) -> bool {
        let lex = self.lexicon;
        let preposition_before = self.preposition_before(start);
        // "the 1996 bombing", "its 1990 invasion": a determiner makes it a year.
        let determiner = start > 0
            && self
                .word(start - 1)
                .is_some_and(|w| lex.year_determiners.contains(w));
        let before_ok = start == 0
            || !self.tokens[start - 1].is_word()
                && !matches!(
                    self.tokens[start - 1].text,
                    "$" | "€" | "£" | "#" | "№" | "-"
                )
            || preposition_before
            || self
                .word(start - 1)
                .is_some_and(|w| lex.approximate_words.contains(w));
        // "1987 saw a renewed wave of offensives": a year as the subject.
        let subject = self
            .word(end)
            .is_some_and(|w| lex.year_subject_verbs.contains(w))
            && self.tokens[start].text.len() == 4;
        let after_ok = self
            .tokens
            .get(end)
            .is_none_or(|t| !t.is_word() && !matches!(t.text, "%" | "-"));
        // "in 1994, 1995 and 1997": the next in a list of years.
        let listed = start >= 2
            && self.tokens[start - 1].text == ","
            && self
                .class_at(Class::Year, start - 2, &mut Captures::default())
                .is_some();
        // "his unsuccessful 1996 campaign": before the name of an event it is
        // a year ("the estimated 2000 people" is a count).
        let names_event = self.word(end).is_some_and(|w| lex.is_event_head(w));
        determiner
            || listed
            || names_event && self.tokens[start].text.len() == 4
            || before_ok && (after_ok || preposition_before || subject)
    }

    fn month_not_modal(&self, start: usize, end: usize, captures: &Captures) -> bool {
        let lex = self.lexicon;
        let word_before = self.word_before(start);
        let ambiguous = self
            .word(start)
            .is_some_and(|w| lex.ambiguous_months.contains(w));
        // "a Jan. 14 return date": after a determiner it is a date; so after a
        // preposition that takes a day ("an earthquake on March 28 killed"),
        // not after "in" ("in May 5 people were hurt").
        let determiner = word_before.is_some_and(|w| lex.determiners.contains(w));
        let introduced = word_before.is_some_and(|w| lex.day_prepositions.contains(w));
        !(ambiguous
            && !determiner
            && !introduced
            && captures.years[0].is_none()
            && self.tokens.get(end).is_some_and(|t| {
                t.is_word()
                    && !t.is_capitalized()
                    && !lex.month_day_followers.contains(&self.folded[end])
                    && !lex.is_past_tense(&self.folded[end])
            }))
    }

    fn after_quantity(&self, start: usize) -> bool {
        let lex = self.lexicon;
        start.checked_sub(1).is_some_and(|j| {
            let token = &self.tokens[j];
            let word = self.folded[j].as_str();
            token.kind == TokenKind::Number
                || token.text == "%"
                || token.is_word()
                    && (lex.quantity_words.contains(word)
                        || lex.number_words.get(word).is_some_and(Option::is_some)
                        || word.len() >= 4
                            && word.ends_with('s')
                            && !word.ends_with("ss")
                            && !token.is_capitalized()
                            && !lex.not_plural_nouns.contains(word))
        })
    }

    /// A ranking word heads the phrase that ends at `start`, with no verb between.
    fn after_ranking(&self, start: usize) -> bool {
        let lex = self.lexicon;
        let verb = |j: usize| {
            let word = self.folded[j].as_str();
            lex.is_past_tense(word)
                || (word != "to" && lex.passive_auxiliaries.contains(word))
                || lex.future_marker_at(self.folded, j)
        };
        (start.saturating_sub(6)..start)
            .rev()
            .take_while(|&j| {
                let token = &self.tokens[j];
                (token.is_word() || matches!(token.text, "'" | "\u{2019}" | "-")) && !verb(j)
            })
            // "the highest-level visit in 25 years", "the first-ever summit in a decade"
            .any(|j| {
                let word = self.folded[j].as_str();
                lex.ranking_words.contains(word)
                    || word
                        .split_once('-')
                        .is_some_and(|(head, _)| lex.ranking_words.contains(head))
            })
    }

    /// A perfect tense that spans up to now heads the phrase that ends at `start`.
    fn after_perfect_span(&self, start: usize) -> bool {
        let lex = self.lexicon;
        let mut spans_until_now = false;
        for j in (start.saturating_sub(8)..start).rev() {
            let word = self.folded[j].as_str();
            if self.tokens[j].is_clause_break()
                || matches!(word, "and" | "but" | "to")
                || lex.future_marker_at(self.folded, j)
            {
                break;
            }
            spans_until_now |= lex.perfect_span_words.contains(word);
            if spans_until_now && lex.perfect_auxiliaries.contains(word) {
                return true;
            }
        }
        false
    }

    fn not_fraction(&self, start: usize, end: usize, captures: &Captures) -> bool {
        let joined: String = self.tokens[start..end].iter().map(|t| t.text).collect();
        let neighbour_is_number = |at: Option<usize>| {
            at.and_then(|j| self.tokens.get(j))
                .is_some_and(|t| t.kind == TokenKind::Number || matches!(t.text, "/" | "."))
        };
        let fraction = match captures.numbers {
            [Some(a), Some(b)] => a < b && b <= 10,
            _ => false,
        };
        !fraction
            && !self.lexicon.numeric_idioms.contains(&joined)
            && !neighbour_is_number(start.checked_sub(1))
            && !neighbour_is_number(Some(end))
    }
}
