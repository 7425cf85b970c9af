//! Scanning a sentence's tokens for the longest rule match at each token.

use super::build::build;
use super::captures::Captures;
use super::spec::{Class, Element, TaggedApart, Take};
use crate::temporal::lexicon::TemporalLexicon;
use crate::temporal::pattern::Pattern;
use crate::text::{in_number_group, Token, TokenKind};

/// A successful match: the rule, its token range and the pattern it builds.
#[derive(Debug, Clone)]
pub struct RuleMatch {
    pub rule: usize,
    pub end: usize,
    pub pattern: Pattern,
    pub forward: bool,
}

pub(in crate::temporal) struct Scanner<'t, 'a> {
    pub tokens: &'t [Token<'a>],
    pub folded: &'t [String],
    pub lexicon: &'t TemporalLexicon,
}

impl Scanner<'_, '_> {
    /// The token ranges TimeML tags apart in what `rule` matched over `start..end`,
    /// when it does (see [`TaggedApart`]).
    pub fn tagged_apart(
        &self,
        rule: usize,
        start: usize,
        end: usize,
    ) -> Option<(TaggedApart, [std::ops::Range<usize>; 2])> {
        let how = self.lexicon.rules.rules.get(rule)?.tagged?;
        let parts = match how {
            TaggedApart::Ends => {
                let link = (start + 1..end)
                    .find(|&k| self.lexicon.range_links.contains(&self.folded[k]))?;
                let first =
                    start + usize::from(matches!(self.folded[start].as_str(), "from" | "between"));
                (first < link && link + 1 < end).then(|| [first..link, link + 1..end])?
            }
            TaggedApart::ClockAndDay => {
                let mut clock_end = start + self.clock_at(start, &mut Captures::default())?;
                if self
                    .word(clock_end)
                    .is_some_and(|w| self.lexicon.time_zones.contains(w))
                {
                    clock_end += 1;
                }
                let day = (clock_end..end).find(|&k| {
                    [Class::Weekday, Class::Month]
                        .into_iter()
                        .any(|class| self.class_at(class, k, &mut Captures::default()).is_some())
                })?;
                // A comma keeps them one: "5 p.m. EST, Nov. 6".
                let apart = (clock_end..day).any(|k| self.tokens[k].text != ",");
                apart.then_some([start..clock_end, day..end])?
            }
        };
        Some((how, parts))
    }

    pub(super) fn word(&self, i: usize) -> Option<&str> {
        self.folded.get(i).map(String::as_str)
    }

    pub(super) fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    /// The word classes token `i` may belong to (a bit set): the rules worth trying there.
    fn classes_at(&self, i: usize) -> u32 {
        let Some(token) = self.tokens.get(i) else {
            return 0;
        };
        let mut classes = self
            .word(i)
            .and_then(|w| self.lexicon.word_classes.get(w))
            .copied()
            .unwrap_or(0);
        if token.kind == TokenKind::Number {
            classes |= Class::Day.bit()
                | Class::Year.bit()
                | Class::Count.bit()
                | Class::Clock.bit()
                | Class::MonthNumber.bit()
                | Class::Number.bit()
                | Class::AnyYear.bit()
                | Class::EraYear.bit()
                | Class::EraYearStart.bit();
        } else if token.text.starts_with(|c: char| c.is_ascii_digit()) {
            classes |= Class::Day.bit()
                | Class::Decade.bit()
                | Class::Clock.bit()
                | Class::NthDay.bit()
                | Class::YearQuarter.bit()
                | Class::QuarterCode.bit()
                | Class::HalfCode.bit();
        } else if token.text.starts_with(|c: char| c.is_ascii_alphabetic())
            && token.text.bytes().any(|b| b.is_ascii_digit())
        {
            classes |= Class::QuarterCode.bit() | Class::HalfCode.bit() | Class::FiscalCode.bit();
        }
        classes
    }

    /// The longest rule match starting at token `i`.
    pub fn best_at(&self, i: usize) -> Option<RuleMatch> {
        // Nothing starts inside "1,200" (at the "200").
        if in_number_group(self.tokens, i) {
            return None;
        }
        let rules = &self.lexicon.rules;
        let mut candidates: Vec<usize> = Vec::new();
        if let Some(list) = self.word(i).and_then(|w| rules.by_word.get(w)) {
            candidates.extend(list);
        }
        let classes = self.classes_at(i);
        let token = &self.tokens[i];
        for (class, list) in &rules.by_class {
            if classes & class.bit() != 0
                && self.class_at(*class, i, &mut Captures::default()).is_some()
            {
                candidates.extend(list);
            }
        }
        // Rule order breaks ties between equally long matches.
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<RuleMatch> = None;
        // An expression starts with a word or a number, not with the comma an optional
        // element allows ("Tuesday, March 3" but not ", March 3").
        let punctuation = !token.is_word() && token.kind != TokenKind::Number;
        // A rule that opens with an optional word ("the? <ordinal> half of ...") is
        // tried at every "the"; most cannot go on from the token after it.
        let next_classes = self.classes_at(i + 1);
        for index in candidates {
            let rule = &rules.rules[index];
            if punctuation && rule.elements.first().is_some_and(|e| e.optional) {
                continue;
            }
            if let [first, second, ..] = rule.elements.as_slice() {
                if first.optional && !second.optional && second.take == Take::Consume {
                    let here = second.may_start(self.word(i), classes);
                    let after_first = first.matcher.words.iter().any(|w| self.is(i, w))
                        && second.may_start(self.word(i + 1), next_classes);
                    if !here && !after_first {
                        continue;
                    }
                }
            }
            let mut captures = Captures::default();
            let Some(mut end) = self.match_elements(&rule.elements, i, &mut captures) else {
                continue;
            };
            // An optional comma or preposition the rest of the pattern did not use
            // ("5-6 May," or "New Year's Eve in Tallinn", with no year after it) is not
            // part of the expression.
            while end > i + 1 && matches!(self.folded[end - 1].as_str(), "," | "of" | "in") {
                end -= 1;
            }
            if end == i
                || !rule
                    .guards
                    .iter()
                    .all(|g| self.guard(*g, i, end, &captures))
            {
                continue;
            }
            let Some(pattern) = build(rule.build, &rule.args, &captures, self.lexicon) else {
                continue;
            };
            if best.as_ref().is_none_or(|b| end > b.end) {
                best = Some(RuleMatch {
                    rule: index,
                    end,
                    pattern,
                    forward: rule.args.forward,
                });
            }
        }
        best
    }

    /// Match `elements` from token `i`, trying an optional element before skipping it.
    /// `captures` is filled in place and left as it was when there is no match: only
    /// an element of a class writes to it, so only those save a copy to go back to
    /// (copying the whole struct at every step was the tagger's main cost).
    fn match_elements(
        &self,
        elements: &[Element],
        i: usize,
        captures: &mut Captures,
    ) -> Option<usize> {
        let Some((element, rest)) = elements.split_first() else {
            return Some(i);
        };
        match element.take {
            Take::Consume => {}
            Take::Ahead | Take::NotAhead => {
                let present = self.element_at(element, i, &mut captures.clone()).is_some();
                let go_on = match element.take {
                    Take::Ahead => present || element.optional,
                    _ => !present,
                };
                return if go_on {
                    self.match_elements(rest, i, captures)
                } else {
                    None
                };
            }
        }
        let saved = element.matcher.class.map(|_| *captures);
        if let Some(used) = self.element_at(element, i, captures) {
            if let Some(end) = self.match_elements(rest, i + used, captures) {
                return Some(end);
            }
        }
        if let Some(saved) = saved {
            *captures = saved;
        }
        if element.optional {
            return self.match_elements(rest, i, captures);
        }
        None
    }

    fn element_at(&self, element: &Element, i: usize, captures: &mut Captures) -> Option<usize> {
        let matcher = &element.matcher;
        let w = self.word(i)?;
        if matcher.words.iter().any(|x| x == w) {
            return Some(1);
        }
        self.class_at(matcher.class?, i, captures)
    }
}
