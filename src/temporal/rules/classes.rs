//! What a token of each word class is, read from the lexicon: `<month>`, `<year>`,
//! `<count>`, `<clock>` and the rest (see the classes in `rules/mod.rs`).

use super::captures::{push, Captures};
use super::scan::Scanner;
use super::spec::Class;
use crate::temporal::holidays::Holiday;
use crate::temporal::lexicon::TemporalLexicon;
use crate::temporal::pattern::Unit;
use crate::text::{grouped_number, Token, TokenKind};

impl Scanner<'_, '_> {
    pub(super) fn class_at(
        &self,
        class: Class,
        i: usize,
        captures: &mut Captures,
    ) -> Option<usize> {
        let token = self.tokens.get(i)?;
        let word = self.word(i)?;
        let lex = self.lexicon;
        match class {
            Class::Month => self.month_at(i, captures),
            Class::Day => {
                let day = match token.kind {
                    TokenKind::Number => day_number(token.text)?,
                    _ => ordinal_day(lex, word)?,
                };
                push(&mut captures.days, day);
                Some(1)
            }
            Class::Year => self.year_at(i, captures),
            Class::Weekday => self.weekday_at(i, captures),
            Class::Deixis => {
                captures.relation = Some(*lex.relations.get(word)?);
                Some(1)
            }
            Class::Count => self.count_at(i, captures),
            Class::Unit => self.unit_at(i, captures),
            Class::Ordinal => {
                captures.ordinal = Some(*lex.ordinals.get(word)?);
                Some(1)
            }
            Class::Season => {
                captures.season = Some(*lex.seasons.get(word)?);
                Some(1)
            }
            Class::DayPart => {
                captures.daypart = Some(*lex.dayparts.get(word)?);
                Some(1)
            }
            Class::Modifier => self.modifier_at(i, captures),
            Class::RelativeDay => {
                captures.offset = Some(*lex.relative_days.get(word)?);
                Some(1)
            }
            Class::Decade => self.decade_at(i, captures),
            Class::Holiday => {
                let (holiday, length) = self.holiday_at(i)?;
                captures.holiday = Some(u32::try_from(holiday).ok()?);
                Some(length)
            }
            Class::Clock => self.clock_at(i, captures),
            Class::Zone => {
                // "10 pm (1900 GMT)": the zone of the time given in brackets, not of
                // the one valued.
                let bracketed = (i.saturating_sub(3)..i).any(|k| self.tokens[k].text == "(");
                captures.universal_time |= lex.universal_time_zones.contains(word) && !bracketed;
                lex.time_zones.contains(word).then_some(1)
            }
            Class::MonthNumber => {
                let month = day_number(token.text).filter(|m| *m <= 12)?;
                push(&mut captures.months, month);
                Some(1)
            }
            Class::Number => {
                push(&mut captures.numbers, day_number(token.text)?);
                Some(1)
            }
            Class::AnyYear => {
                if token.kind != TokenKind::Number {
                    return None;
                }
                push(&mut captures.years, year_digits(word)?);
                Some(1)
            }
            Class::NthDay => {
                push(&mut captures.days, ordinal_day(lex, word)?);
                Some(1)
            }
            Class::Weekdays => {
                let singular = word.strip_suffix('s').filter(|w| w.ends_with("day"))?;
                push(&mut captures.weekdays, lex.weekday(singular)?);
                Some(1)
            }
            Class::QuarterCode => {
                captures.ordinal = Some(period_code(word, 'q', 4)?);
                Some(1)
            }
            Class::HalfCode => {
                captures.ordinal = Some(period_code(word, 'h', 2)?);
                Some(1)
            }
            Class::FiscalCode => {
                push(&mut captures.years, year_digits(word.strip_prefix("fy")?)?);
                Some(1)
            }
            Class::YearQuarter => self.year_quarter_at(i, captures),
            Class::EraYear => {
                let year = era_year_number(token)?;
                let era = self.era_at(i + 1)?;
                push(&mut captures.years, 1 - year);
                Some(1 + era)
            }
            Class::EraYearStart => {
                let year = era_year_number(token)?;
                if !lex.range_links.contains(self.word(i + 1)?) {
                    return None;
                }
                era_year_number(self.tokens.get(i + 2)?)?;
                self.era_at(i + 3)?;
                push(&mut captures.years, 1 - year);
                Some(1)
            }
            Class::Era => {
                let era = self.era_at(i)?;
                captures.before_common_era = true;
                Some(era)
            }
        }
    }

    /// The tokens an era before the common era takes at `i` ("BC", "B.C.E."), if one
    /// is there.
    fn era_at(&self, i: usize) -> Option<usize> {
        self.lexicon
            .before_common_era
            .iter()
            .find(|era| crate::text::phrase_at(self.folded, i, era))
            .map(Vec::len)
    }

    /// A month name, where it is one: lowercase, "may" and "march" are words.
    fn month_at(&self, i: usize, captures: &mut Captures) -> Option<usize> {
        let token = self.tokens.get(i)?;
        let word = self.word(i)?;
        let lex = self.lexicon;
        if token.kind != TokenKind::Word {
            return None;
        }
        let month = *lex.months.get(word)?;
        // Lowercase, "may" and "march" are words and "jan" may be a name,
        // unless a day or year number stands next to them ("march 3 2015").
        let number_beside = |at: Option<usize>| {
            at.and_then(|j| self.tokens.get(j)).is_some_and(|t| {
                t.kind == TokenKind::Number
                    || t.text.len() <= 4 && t.text.starts_with(|c: char| c.is_ascii_digit())
            })
        };
        let lowercase = !token.is_capitalized();
        // "the first of march", "4 of july"
        let day_of = i >= 2
            && self.is(i - 1, "of")
            && (number_beside(Some(i - 2))
                || self
                    .word(i - 2)
                    .is_some_and(|w| lex.day_ordinals.contains_key(w)));
        // "june first", "march third 2015"; not "they march first", where the
        // month is a verb.
        let ordinal_after = (!lex.ambiguous_months.contains(word) || number_beside(Some(i + 2)))
            && self
                .word(i + 1)
                .is_some_and(|w| lex.day_ordinals.contains_key(w));
        let beside = number_beside(Some(i + 1))
            || number_beside(i.checked_sub(1))
            || day_of
            || ordinal_after;
        if lowercase && (lex.ambiguous_months.contains(word) || word.len() <= 4) && !beside {
            return None;
        }
        push(&mut captures.months, month);
        // "Sept." takes its full stop; "June." ends a sentence.
        let with_stop = !lex.full_month_names.contains(word) && self.is(i + 1, ".");
        Some(if with_stop { 2 } else { 1 })
    }

    /// A year in four digits (1600-2199) or written in words.
    fn year_at(&self, i: usize, captures: &mut Captures) -> Option<usize> {
        let token = self.tokens.get(i)?;
        if token.kind == TokenKind::Word {
            let (year, used) = self.word_year_at(i)?;
            push(&mut captures.years, year);
            return Some(used);
        }
        if token.kind != TokenKind::Number || token.text.len() != 4 {
            return None;
        }
        let year: i32 = token
            .text
            .parse()
            .ok()
            .filter(|y| (1600..=2199).contains(y))?;
        push(&mut captures.years, year);
        Some(1)
    }

    /// A weekday name that is no abbreviation of another word nor part of a title.
    fn weekday_at(&self, i: usize, captures: &mut Captures) -> Option<usize> {
        let token = self.tokens.get(i)?;
        let word = self.word(i)?;
        let lex = self.lexicon;
        let weekday = lex.weekday(word)?;
        // "Thu", "Fri." stand alone; "Sat", "Sun", "Wed", "Mon" are too often
        // other words, so they need a date after them ("Wed, Feb 13").
        let abbreviated = word.len() < 6;
        let stop = abbreviated && self.is(i + 1, ".") && i + 2 < self.tokens.len();
        if abbreviated && lex.ambiguous_weekdays.contains(word) {
            let mut next = i + 1 + usize::from(stop);
            next += usize::from(self.is(next, ","));
            let mut probe = Captures::default();
            let date_follows = self.class_at(Class::Month, next, &mut probe).is_some()
                || self.class_at(Class::Day, next, &mut probe).is_some();
            if !date_follows {
                return None;
            }
        }
        let capitalized = |j: usize| self.tokens.get(j).is_some_and(Token::is_capitalized);
        // "Sunday Times"; "Sunday Morning Futures", "Monday Night Football":
        // a part of the day in capitals with a name after it is a title.
        let blocked = capitalized(i + 1)
            && self.word(i + 1).is_some_and(|w| {
                lex.weekday_blockers.contains(w)
                    || lex.dayparts.contains_key(w)
                        && capitalized(i + 2)
                        && self.tokens[i + 2].is_word()
            });
        if blocked || !token.is_capitalized() && !lex.lowercase_weekdays {
            return None;
        }
        push(&mut captures.weekdays, weekday);
        Some(1 + usize::from(stop))
    }

    /// A count in digits or words, and a half after it: "1,000", "a few", "two and a half".
    fn count_at(&self, i: usize, captures: &mut Captures) -> Option<usize> {
        let token = self.tokens.get(i)?;
        let word = self.word(i)?;
        let lex = self.lexicon;
        if token.kind == TokenKind::Number {
            // "1,000 years": the tokenizer splits the thousands.
            let (value, used) = grouped_number(self.tokens, i)?;
            if used == 1 && token.text.len() > 3 {
                return None;
            }
            captures.count = Some(i64::try_from(value).ok());
            return Some(used + self.half_at(i + used, captures));
        }
        // "a few", "a couple of"
        if matches!(word, "a" | "an") {
            if self.is(i + 1, "few") {
                captures.count = Some(None);
                return Some(2);
            }
            if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                captures.count = Some(Some(2));
                return Some(3);
            }
        }
        if let Some((number, used)) = self.spelled_number(i) {
            captures.count = Some(Some(number));
            return Some(used + self.half_at(i + used, captures));
        }
        // "a", "an"; "several" and "few" (no number)
        captures.count = Some(*lex.number_words.get(word)?);
        Some(1)
    }

    /// A unit of time, singular or plural, and "and a half" after the singular.
    fn unit_at(&self, i: usize, captures: &mut Captures) -> Option<usize> {
        let word = self.word(i)?;
        let lex = self.lexicon;
        let unit = *lex.units.get(word)?;
        captures.unit = Some(unit);
        captures.plural = word.ends_with('s') && unit != Unit::Weekend;
        if !captures.plural && !captures.half {
            // "a year and a half"
            return Some(1 + self.half_at(i + 1, captures));
        }
        Some(1)
    }

    /// "early", "mid", "late"; a modifier that is also a verb only when introduced.
    fn modifier_at(&self, i: usize, captures: &mut Captures) -> Option<usize> {
        let word = self.word(i)?;
        let lex = self.lexicon;
        let modifier = *lex.modifiers.get(word)?;
        if lex.verb_modifiers.contains(word) {
            let joined = self.is(i + 1, "-") || self.is(i + 1, "of");
            let introduced = i
                .checked_sub(1)
                .and_then(|j| self.word(j))
                .is_some_and(|w| {
                    w == "the"
                        || lex.date_prepositions.contains(w)
                            && !lex.linking_prepositions.contains(w)
                });
            if !(joined || introduced) {
                return None;
            }
        }
        captures.modifier = Some(modifier);
        Some(1)
    }

    /// A decade: "the nineties", "the '80s", "the late 80s", "1990s".
    fn decade_at(&self, i: usize, captures: &mut Captures) -> Option<usize> {
        let token = self.tokens.get(i)?;
        let word = self.word(i)?;
        let lex = self.lexicon;
        // "the nineties", "the '80s", "the late 80s"; not "in his sixties".
        // "the 70s and 80s": the second of two decades joined.
        let joined_to_decade = i >= 2
            && matches!(self.word(i - 1), Some("and" | "or"))
            && self.word(i - 2).and_then(decade_digits).is_some();
        let introduced = joined_to_decade
            || i.checked_sub(1)
                .and_then(|j| self.word(j))
                .is_some_and(|w| w == "the" || w == "-" || lex.modifiers.contains_key(w));
        if let Some(&start) = lex.decade_words.get(word).filter(|_| introduced) {
            captures.decade = Some(start);
            return Some(1);
        }
        let apostrophe = usize::from(token.is_apostrophe());
        let word = self.word(i + apostrophe)?;
        if let Some(digits) = decade_digits(word).filter(|_| introduced || apostrophe == 1) {
            let start: i32 = digits.parse().ok().filter(|d| d % 10 == 0)?;
            captures.decade = Some(start);
            return Some(1 + apostrophe);
        }
        // "1990s"
        let digits = word.strip_suffix('s')?;
        if digits.len() != 4 || !digits.ends_with('0') {
            return None;
        }
        let start: i32 = digits.parse().ok().filter(|y| (1600..=2190).contains(y))?;
        captures.decade = Some(start);
        Some(1)
    }

    /// A year and quarter in one token: "2018q4", "18q4".
    fn year_quarter_at(&self, i: usize, captures: &mut Captures) -> Option<usize> {
        let word = self.word(i)?;
        // "2018q4", "18q4": one token.
        let (year, quarter) = word.split_once('q')?;
        let quarter: u32 = quarter.parse().ok().filter(|q| (1..=4).contains(q))?;
        push(&mut captures.years, year_digits(year)?);
        captures.ordinal = Some(quarter);
        Some(1)
    }
    /// A year written in words at `i`, and the tokens it takes: "nineteen ninety-six",
    /// "nineteen oh five", "twenty twenty", "two thousand and one", and "two thousand"
    /// alone after "year" (elsewhere it is a count).
    fn word_year_at(&self, i: usize) -> Option<(i32, usize)> {
        let first = i32::try_from(self.number_word(i)?).ok()?;
        if first == 2 && self.is(i + 1, "thousand") {
            let after_and = i + 2 + usize::from(self.is(i + 2, "and"));
            return match self.number_below_hundred(after_and) {
                Some((rest, used)) => Some((2000 + rest, after_and + used - i)),
                None if i > 0 && self.is(i - 1, "year") => Some((2000, 2)),
                None => None,
            };
        }
        if !(11..=20).contains(&first) {
            return None;
        }
        if self.is(i + 1, "hundred") {
            return Some((first * 100, 2));
        }
        if self.is(i + 1, "oh") {
            let unit = self.number_word(i + 2).filter(|u| (1..=9).contains(u))?;
            return Some((first * 100 + i32::try_from(unit).ok()?, 3));
        }
        // "nineteen six" is no year; "twenty one" is a count.
        let (rest, used) = self
            .number_below_hundred(i + 1)
            .filter(|(rest, _)| *rest >= 10)?;
        Some((first * 100 + rest, 1 + used))
    }

    /// A number word from 1 to 99 at `i` ("six", "eleven", "ninety-six") and the
    /// tokens it takes.
    fn number_below_hundred(&self, i: usize) -> Option<(i32, usize)> {
        let (value, used) = self
            .spelled_number(i)
            .filter(|(v, _)| (1..100).contains(v))?;
        Some((i32::try_from(value).ok()?, used))
    }

    /// The number spelled at `i` and the tokens it takes: "six", "ninety-six", "ninety
    /// six" (a round ten or hundred takes the ones after it). Not the article "a",
    /// and not the vague "several".
    fn spelled_number(&self, i: usize) -> Option<(i64, usize)> {
        let value = self.number_word(i)?;
        if value >= 20 && value % 10 == 0 {
            let next = i + 1 + usize::from(self.is(i + 1, "-"));
            if let Some(ones) = self.number_word(next).filter(|n| (1..=9).contains(n)) {
                return Some((value + ones, next + 1 - i));
            }
        }
        Some((value, 1))
    }

    /// The number a word spells ("six", "ninety"); not the article "a".
    fn number_word(&self, i: usize) -> Option<i64> {
        let word = self.word(i)?;
        if matches!(word, "a" | "an") || self.tokens.get(i)?.kind != TokenKind::Word {
            return None;
        }
        *self.lexicon.number_words.get(word)?
    }

    /// The holiday whose name starts at token `i`, and how many tokens the name takes:
    /// the longest name, and of those the one kept in the lexicon's region.
    pub(super) fn holiday_at(&self, i: usize) -> Option<(usize, usize)> {
        let lex = self.lexicon;
        let names = lex.holiday_names.get(self.word(i)?)?;
        let matches = |tokens: &[String]| {
            tokens.iter().enumerate().all(|(k, expected)| {
                self.word(i + k)
                    .is_some_and(|w| w == expected || w == "\u{2019}" && expected == "'")
            })
        };
        let in_region = |h: &Holiday| match &lex.region {
            Some(region) => h.regions.iter().any(|r| r == region),
            None => false,
        };
        let mut best: Option<(usize, usize)> = None;
        for (tokens, index) in names {
            let holiday = &lex.holidays[*index];
            if !matches(tokens)
                || holiday.cased && !self.tokens[i].is_capitalized()
                || !holiday.regions.is_empty() && !in_region(holiday)
            {
                continue;
            }
            let better = match best {
                None => true,
                Some((current, length)) => {
                    tokens.len() > length
                        || tokens.len() == length
                            && in_region(holiday)
                            && !in_region(&lex.holidays[current])
                }
            };
            if better {
                best = Some((*index, tokens.len()));
            }
        }
        best
    }

    /// "10:35", "10:35 a.m.", "10 a.m.", "10am", "noon", "midnight", "0300 GMT". A
    /// second clock in the same match ("10 pm (1900 GMT) on Sunday") gives the same
    /// moment in another zone: the first, the one the story tells, is kept.
    pub(super) fn clock_at(&self, i: usize, captures: &mut Captures) -> Option<usize> {
        let word = self.word(i)?;
        // Midnight is 24:00, the end of the day named with it ("midnight Friday" is a
        // deadline as Friday ends); alone it is 00:00 (see `Pattern::Time`).
        if let Some(&hour) = self.lexicon.clock_words.get(word) {
            captures.clock.get_or_insert((hour, 0));
            return Some(1);
        }
        // "10am", "3pm" come as one token.
        for (suffix, afternoon) in [("am", false), ("pm", true)] {
            if let Some(hour) = word.strip_suffix(suffix) {
                let hour: u32 = hour.parse().ok().filter(|h| (1..=12).contains(h))?;
                captures.clock.get_or_insert((to_24(hour, afternoon), 0));
                return Some(1);
            }
        }
        if self.tokens[i].kind != TokenKind::Number {
            return None;
        }
        // Wire services give times as four digits and a zone: "0300 GMT", "1900 UTC".
        if word.len() == 4
            && word.bytes().all(|b| b.is_ascii_digit())
            && self
                .word(i + 1)
                .is_some_and(|z| self.lexicon.time_zones.contains(z))
        {
            let (hour, minute): (u32, u32) = (word[..2].parse().ok()?, word[2..].parse().ok()?);
            if hour > 23 || minute > 59 {
                return None;
            }
            captures.clock.get_or_insert((hour, minute));
            return Some(1);
        }
        let hour: u32 = word.parse().ok().filter(|h| *h <= 24)?;
        let (minute, mut used) = if self.is(i + 1, ":")
            && self
                .tokens
                .get(i + 2)
                .is_some_and(|t| t.kind == TokenKind::Number && t.text.len() == 2)
        {
            let minute: u32 = self.word(i + 2)?.parse().ok().filter(|m| *m < 60)?;
            (Some(minute), 3)
        } else {
            (None, 1)
        };
        let meridiem = self.meridiem_at(i + used);
        if let Some((afternoon, length)) = meridiem {
            if !(1..=12).contains(&hour) {
                return None;
            }
            used += length;
            captures
                .clock
                .get_or_insert((to_24(hour, afternoon), minute.unwrap_or(0)));
            return Some(used);
        }
        // A bare "10" is not a time; "10:35" is.
        let minute = minute?;
        captures.clock.get_or_insert((hour, minute));
        Some(used)
    }

    /// "and a half" or "1/2" at `i`, after a count or a unit: the tokens it takes, and
    /// `captures.half` set.
    fn half_at(&self, i: usize, captures: &mut Captures) -> usize {
        let and_a_half = self.is(i, "and") && self.is(i + 1, "a") && self.is(i + 2, "half");
        let one_half = self.is(i, "1") && self.is(i + 1, "/") && self.is(i + 2, "2");
        let used = if and_a_half || one_half { 3 } else { 0 };
        captures.half |= used > 0;
        used
    }

    /// "a.m.", "p.m.", "am", "pm" at `i`: (afternoon, tokens used).
    fn meridiem_at(&self, i: usize) -> Option<(bool, usize)> {
        let afternoon = match self.word(i)? {
            "am" => return Some((false, 1 + usize::from(self.is(i + 1, ".")))),
            "pm" => return Some((true, 1 + usize::from(self.is(i + 1, ".")))),
            "a" => false,
            "p" => true,
            _ => return None,
        };
        if self.is(i + 1, ".") && self.is(i + 2, "m") {
            let stop = usize::from(self.is(i + 3, "."));
            return Some((afternoon, 3 + stop));
        }
        None
    }
}

fn day_number(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A day of the month written as an ordinal: "15th", "1st", "first".
fn ordinal_day(lex: &TemporalLexicon, word: &str) -> Option<u32> {
    if let Some(&day) = lex.day_ordinals.get(word) {
        return Some(day);
    }
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .and_then(day_number)
}

/// A year in four digits (1600-2199) or two, read as 1950-2049 ("74", "15", "18q4").
/// The number of a period written as a letter and a digit either way round ("q3",
/// "3q", "h1"), from 1 to `last`.
fn period_code(word: &str, letter: char, last: u32) -> Option<u32> {
    let digit = word
        .strip_prefix(letter)
        .or_else(|| word.strip_suffix(letter))?;
    if digit.len() != 1 {
        return None;
    }
    digit.parse().ok().filter(|n| (1..=last).contains(n))
}

/// The two digits of a decade written without its century: "80" in "80s".
fn decade_digits(word: &str) -> Option<&str> {
    word.strip_suffix('s')
        .filter(|d| d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// A year number before an era: one to four digits, not zero ("499", "2014").
fn era_year_number(token: &Token<'_>) -> Option<i32> {
    if token.kind != TokenKind::Number || token.text.len() > 4 {
        return None;
    }
    token.text.parse().ok().filter(|&year| year > 0)
}

fn year_digits(digits: &str) -> Option<i32> {
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match digits.len() {
        2 => {
            let short: i32 = digits.parse().ok()?;
            Some(if short < 50 {
                2000 + short
            } else {
                1900 + short
            })
        }
        4 => digits.parse().ok().filter(|y| (1600..=2199).contains(y)),
        _ => None,
    }
}

fn to_24(hour: u32, afternoon: bool) -> u32 {
    match (hour, afternoon) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}
