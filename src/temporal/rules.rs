//! Temporal rules kept as data, the way HeidelTime keeps its patterns and Duckling its
//! rule files: each family file under `src/temporal/rules/` lists token patterns, what
//! each one builds, and a corpus of examples that the tests walk.
//!
//! A pattern is a sequence of elements separated by spaces:
//! - `word` or `one|two|three`: a token, compared folded (lowercase); one class may be
//!   among the alternatives (`<weekday>|day`);
//! - `,` `-` `.` or any other punctuation: that character;
//! - `<class>`: a word class read from the lexicon (`<month>`, `<weekday>`, `<day>`,
//!   `<year>`, `<count>`, `<unit>`, `<relation>`, `<ordinal>`, `<season>`, `<daypart>`,
//!   `<clock>`, `<zone>`, `<modifier>`, `<relative_day>`, `<decade>`, `<holiday>`,
//!   `<month_number>`, `<number>` (1 to 31, in either slot of a numeric date),
//!   `<any_year>` (four digits, or two read as 1950-2049), `<nth_day>` ("15th",
//!   "first": a day written as an ordinal), `<year_quarter>` ("2018Q4", "18q4"));
//! - a trailing `?` makes an element optional;
//! - a leading `>` looks ahead without taking the token (`the year >ended`), a leading
//!   `!` requires the token not to be there (`the year !of`); both only after the
//!   first element.
//!
//! The longest match at a token wins; between equally long ones, the earlier rule.

use chrono::Weekday;
use serde::Deserialize;
use std::collections::BTreeMap;

use super::holidays::Holiday;
use super::lexicon::TemporalLexicon;
use super::pattern::{DayPart, Modifier, Part, Pattern, RefKind, Relation, Season, Unit};
use crate::error::{Error, Result};
use crate::hash::WordMap;
use crate::text::{grouped_number, in_number_group, Token, TokenKind};

/// The rule families shipped with dateline, in precedence order.
pub const FAMILY_FILES: &[(&str, &str)] = &[
    ("calendar.yaml", include_str!("rules/calendar.yaml")),
    ("relative.yaml", include_str!("rules/relative.yaml")),
    ("span.yaml", include_str!("rules/span.yaml")),
    ("time.yaml", include_str!("rules/time.yaml")),
    // Before durations: at equal length "a year" after a quantity is a rate.
    ("set.yaml", include_str!("rules/set.yaml")),
    ("duration.yaml", include_str!("rules/duration.yaml")),
    ("reference.yaml", include_str!("rules/reference.yaml")),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyFile {
    pub family: String,
    #[serde(default)]
    pub description: String,
    pub rules: Vec<RuleSpec>,
    #[serde(default)]
    pub examples: Vec<RuleExample>,
}

/// One example of a family's corpus: a sentence, its publication date, and every
/// expression the tagger must find in it as `[text, TYPE, value]`; for rules whose
/// match TimeML tags apart, also the TIMEX3 it tags.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleExample {
    pub text: String,
    pub published: chrono::NaiveDate,
    pub expect: Vec<(String, String, String)>,
    /// The TIMEX3 that TimeML tags, where they are not `expect` (see [`TaggedApart`]).
    #[serde(default)]
    pub timeml: Option<Vec<(String, String, String)>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    pub name: String,
    pub pattern: String,
    pub build: Builder,
    #[serde(default)]
    pub args: Args,
    #[serde(default)]
    pub guards: Vec<Guard>,
    /// TimeML tags what the rule matches as two TIMEX3, not one.
    #[serde(default)]
    pub tagged: Option<TaggedApart>,
}

/// How TimeML, and TimeBank's annotators, tag apart what one rule matched. The whole
/// stays one expression for events; only the TimeML view has the parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaggedApart {
    /// Each end of a range: "from Monday to Wednesday", "April 24 and 25".
    Ends,
    /// A clock time and the day that words keep it from: "4 a.m. local time on
    /// Wednesday", "10:35 a.m. (0735 GMT) Friday". "9 a.m. EST Tuesday" and "5 p.m.
    /// EST, Nov. 6" stay one.
    ClockAndDay,
}

/// What a rule makes of what it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Builder {
    /// Calendar parts: day, month, year, decade, as far as they are given.
    Date,
    Weekday,
    RelativeDay,
    /// "last week", "this month", "next year", "last quarter".
    RelativeUnit,
    /// "earlier this week", "later this month".
    PartOfUnit,
    Weekend,
    /// "two days ago".
    Ago,
    /// "in two days", "three weeks from now": forward from the anchor.
    Later,
    /// "a year earlier", "year-earlier", "the year-ago quarter": from the last date the
    /// text gave, at its precision.
    Earlier,
    /// "a week later", "two days later": on from the last date the text gave.
    Afterwards,
    /// "that year", "the following month", "earlier that day" (see `Pattern::Focus`).
    Focus,
    Quarter,
    Half,
    /// "the 20th century", "the eleventh century".
    Century,
    Season,
    /// "two days", "18 months", "the past two weeks" (with `past: true`).
    Duration,
    /// "now", "recently", "in the future".
    Reference,
    /// "daily", "every Monday", "each year".
    Set,
    /// "Wednesday night", "10:35 a.m.", "this morning".
    Time,
    /// "three days after Easter", "a week before Eid" (with `past: true`): days from
    /// the holiday.
    HolidayOffset,
    /// "2-3 April", "between 2 and 3 April", "from Monday to Wednesday".
    Span,
    /// "10/31/1974", "31.10.1974", "3/3/15": which number is the month follows the
    /// lexicon's `numeric_dates` order unless one of them is over 12.
    NumericDate,
    /// "the 15th", "the 20th of next month", "Tuesday the 19th".
    DayOfMonth,
    /// "the first Tuesday of October", "the last day of May", "the third day of
    /// next month".
    NthOfMonth,
    /// "Wednesday of next week", "last week's Sunday".
    WeekdayOfWeek,
    /// "the next three days": a length of time ahead of the anchor.
    Ahead,
    /// "the first week of October", "the second last week of 2018": weeks that lie
    /// wholly in the month or year, counted from its start or (`from_end`) its end.
    NthWeek,
    /// "the week of March 6": the week that day falls in.
    WeekOf,
    /// "3 fridays from now", "2 thursdays ago" (with `past`).
    NthWeekday,
}

/// Fixed values a rule adds to what it captured.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Args {
    pub relation: Option<Relation>,
    pub unit: Option<Unit>,
    pub part: Option<Part>,
    pub reference: Option<RefKind>,
    pub modifier: Option<Modifier>,
    pub days: Option<i64>,
    pub count: Option<i64>,
    pub daypart: Option<DayPart>,
    #[serde(default)]
    pub past: bool,
    /// The phrase itself points forward ("upcoming", "as early as").
    #[serde(default)]
    pub forward: bool,
    /// An ordinal the words give ("the final quarter" is the fourth; "the last
    /// Monday" is the first from the end, with `from_end`).
    pub ordinal: Option<u32>,
    /// Count the ordinal from the end ("the second last day of May").
    #[serde(default)]
    pub from_end: bool,
    /// A `focus` rule that reads from the publication date when the text has given
    /// no date yet ("the following week").
    #[serde(default)]
    pub deictic: bool,
}

/// Context checks a rule needs beyond its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Guard {
    /// The token before the match is a date preposition ("in November", "by 2027").
    AfterPreposition,
    /// A capitalised month between a determiner and a noun names a month: "the
    /// October slaying", "a June agreement"; not "the March of Dimes" or "the march
    /// went on".
    Attributive,
    /// The last word is a season that is nothing else, in lower case: "over the
    /// summer", not "the fall of Rome" or "the Summer Palace".
    PlainSeason,
    /// Not the first word of a name: a capitalised last word is not followed by
    /// another ("in the Summer Palace").
    NotName,
    /// A quantity comes just before: a number, an amount word, "%", "twice" or a
    /// plural noun ("$2 million a year", "700 seats a week"), making "a year" a rate.
    AfterQuantity,
    /// A lone number is a year only when it stands apart from money, percentages,
    /// hyphenated scores and words around it ("2014" but not "$2014", "2014-15").
    StandaloneNumber,
    /// An ambiguous month name ("May") followed by a lowercase word is not a date
    /// ("May 5 people").
    MonthNotModal,
    /// Not followed by a noun: "two days" but not in "a two-day visit" the rule
    /// must see the hyphenated adjective.
    NotBeforeNoun,
    /// The unit is written in the singular ("last week", not "last weeks").
    SingularUnit,
    /// The unit is written in the plural ("for weeks", "recent years").
    PluralUnit,
    /// Nothing but punctuation or a conjunction follows: "on the 15th," but not "the
    /// 15th century" or "the first time".
    NotBeforeWord,
    /// Not hours after "early", "late" and the like: "the early hours of the war" is
    /// a part of a day, no length of time ("the early years" may be one).
    NotPartOfDay,
    /// Not after "of" or "among": "one of the first" ranks, it dates nothing.
    NotAfterOf,
    /// Not compared: "the most recent in 2010" ranks, it refers to no time.
    NotCompared,
    /// Not after a superlative: in "most recently in January" the date that follows
    /// is the time ("more recently" is one, as TimeBank tags it).
    NotSuperlative,
    /// A noun, not an adjective before one: "the future of Gaza", "the future is
    /// uncertain", "into the future if"; not "the future government".
    Nominal,
    /// A word measuring a gap follows ("hours later", "weeks of warnings"), or a verb
    /// taking a length comes before ("could take months").
    MeasuresTime,
    /// Not after an indefinite article: "it fell on a Tuesday" names no Tuesday.
    NotIndefinite,
    /// Not the start of an event's name: "the Good Friday Agreement", "the Yom Kippur
    /// War" date nothing by the holiday.
    NotNamedEvent,
    /// Not the last word of a holiday's name: the "Friday" of "Good Friday".
    NotInHoliday,
    /// No ranking word heads the phrase it ends: "the first time in three months" and
    /// "the biggest attack in a year" measure a stretch of time, they name no date
    /// ahead; "the first round will be held in two weeks" does (a verb comes between).
    NotAfterRanking,
    /// No perfect tense that spans up to now heads the phrase: "closer than we have
    /// been in three years", "they have not met in five years" measure a stretch.
    /// Only with "been" or a negation: "has promised elections in two years" names a
    /// date ahead.
    NotAfterPerfect,
    /// What follows ends the phrase: punctuation, a conjunction or a preposition
    /// ("Tuesday the 19th in Doha"), not a noun ("Saturday, the sixth such exchange").
    EndsPhrase,
    /// The unit is a day or longer: "a week later" is a date, "an hour later" is
    /// left to the duration rules.
    CalendarUnit,
    /// A word other than a verb like "is" or "was" follows: the adjective "current" in "the current
    /// talks", not the noun in "the current was strong".
    BeforeWord,
    /// Two numbers around a slash are not a fraction ("1/2", "3/4") or an idiom the
    /// lexicon lists ("24/7").
    NotFraction,
    /// No era before the common one follows: "the 2nd century BC" is not the 2nd
    /// century, nor "2014 B.C." the year 2014.
    NotBeforeEra,
    /// A number after a year is a month only when written as one ("2014-05",
    /// "2014-10,"), not a second year ("the 2010-11 season").
    IsoMonth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Class {
    Month,
    Day,
    Year,
    Weekday,
    Relation,
    Count,
    Unit,
    Ordinal,
    Season,
    DayPart,
    Clock,
    Modifier,
    RelativeDay,
    Decade,
    Holiday,
    Zone,
    MonthNumber,
    Number,
    AnyYear,
    NthDay,
    YearQuarter,
    /// "Q3", "3Q": a quarter's number.
    QuarterCode,
    /// "H1", "2H": a half year's number.
    HalfCode,
    /// "FY2026", "FY26": a fiscal year.
    FiscalCode,
    /// A weekday in the plural: "fridays" in "3 fridays from now".
    Weekdays,
}

impl Class {
    fn bit(self) -> u32 {
        1 << (self as u32)
    }

    fn parse(name: &str) -> Option<Class> {
        Some(match name {
            "month" => Class::Month,
            "day" => Class::Day,
            "year" => Class::Year,
            "weekday" => Class::Weekday,
            "relation" => Class::Relation,
            "count" => Class::Count,
            "unit" => Class::Unit,
            "ordinal" => Class::Ordinal,
            "season" => Class::Season,
            "daypart" => Class::DayPart,
            "clock" => Class::Clock,
            "modifier" => Class::Modifier,
            "relative_day" => Class::RelativeDay,
            "decade" => Class::Decade,
            "holiday" => Class::Holiday,
            "zone" => Class::Zone,
            "month_number" => Class::MonthNumber,
            "number" => Class::Number,
            "any_year" => Class::AnyYear,
            "nth_day" => Class::NthDay,
            "year_quarter" => Class::YearQuarter,
            "quarter_code" => Class::QuarterCode,
            "half_code" => Class::HalfCode,
            "fiscal_code" => Class::FiscalCode,
            "weekdays" => Class::Weekdays,
            _ => return None,
        })
    }
}

/// What one element accepts: any of its words, or a token of its class.
#[derive(Debug, Clone, Default)]
struct Matcher {
    words: Vec<String>,
    class: Option<Class>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Take {
    /// The element consumes its tokens.
    Consume,
    /// The element must follow, but is not part of the expression.
    Ahead,
    /// The element must not follow.
    NotAhead,
}

#[derive(Debug, Clone)]
struct Element {
    matcher: Matcher,
    optional: bool,
    take: Take,
}

impl Element {
    /// Could this element match a token with this word and these classes? Only the
    /// classes a word list decides are checked; for the others, it could.
    fn may_start(&self, word: Option<&str>, classes: u32) -> bool {
        if word.is_some_and(|w| self.matcher.words.iter().any(|x| x == w)) {
            return true;
        }
        match self.matcher.class {
            None => false,
            Some(
                class @ (Class::Month
                | Class::Unit
                | Class::Ordinal
                | Class::Season
                | Class::DayPart
                | Class::Modifier
                | Class::RelativeDay
                | Class::Relation),
            ) => classes & class.bit() != 0,
            Some(_) => true,
        }
    }
}

#[derive(Debug)]
pub struct Rule {
    pub name: String,
    pub family: String,
    elements: Vec<Element>,
    build: Builder,
    args: Args,
    guards: Vec<Guard>,
    pub tagged: Option<TaggedApart>,
}

/// Every rule, indexed by what its first token can be.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub families: Vec<FamilyFile>,
    by_word: WordMap<Vec<usize>>,
    by_class: BTreeMap<Class, Vec<usize>>,
}

impl RuleSet {
    pub fn builtin() -> Result<RuleSet> {
        let mut set = RuleSet::default();
        for (name, text) in FAMILY_FILES {
            let family: FamilyFile = serde_yaml::from_str(text).map_err(|e| Error::Lexicon {
                name: format!("temporal/rules/{name}"),
                reason: e.to_string(),
            })?;
            set.add_family(name, family)?;
        }
        Ok(set)
    }

    fn add_family(&mut self, file: &str, mut family: FamilyFile) -> Result<()> {
        for spec in family.rules.drain(..) {
            let bad = |reason: String| Error::Lexicon {
                name: format!("temporal/rules/{file}"),
                reason: format!("rule {}: {reason}", spec.name),
            };
            let mut elements = Vec::new();
            for raw in spec.pattern.split_whitespace() {
                let (raw, take) = match (raw.strip_prefix('>'), raw.strip_prefix('!')) {
                    (Some(rest), _) if !rest.is_empty() => (rest, Take::Ahead),
                    (_, Some(rest)) if !rest.is_empty() => (rest, Take::NotAhead),
                    _ => (raw, Take::Consume),
                };
                if take != Take::Consume && elements.is_empty() {
                    return Err(bad("a pattern cannot start with a look-ahead".into()));
                }
                let (body, optional) = match raw.strip_suffix('?') {
                    Some(body) if !body.is_empty() => (body, true),
                    _ => (raw, false),
                };
                let mut matcher = Matcher::default();
                for alternative in body.split('|') {
                    match alternative
                        .strip_prefix('<')
                        .and_then(|b| b.strip_suffix('>'))
                    {
                        Some(name) if matcher.class.is_none() => {
                            matcher.class = Some(
                                Class::parse(name)
                                    .ok_or_else(|| bad(format!("unknown class <{name}>")))?,
                            );
                        }
                        Some(_) => return Err(bad(format!("`{body}` names two classes"))),
                        None => matcher.words.push(crate::text::fold(alternative)),
                    }
                }
                elements.push(Element {
                    matcher,
                    optional,
                    take,
                });
            }
            if elements.iter().all(|e| e.optional) {
                return Err(bad(
                    "the pattern needs one element that is not optional".into()
                ));
            }
            let index = self.rules.len();
            // Index the rule under every element that can come first.
            for element in &elements {
                for w in &element.matcher.words {
                    self.by_word.entry(w.clone()).or_default().push(index);
                }
                if let Some(class) = element.matcher.class {
                    self.by_class.entry(class).or_default().push(index);
                }
                if !element.optional {
                    break;
                }
            }
            self.rules.push(Rule {
                name: spec.name,
                family: family.family.clone(),
                elements,
                build: spec.build,
                args: spec.args,
                guards: spec.guards,
                tagged: spec.tagged,
            });
        }
        self.families.push(family);
        Ok(())
    }
}

/// For every word a class's lexicon lists, the classes it may belong to (a bit set),
/// so that the scanner tries only the rules that can start at a token.
pub fn word_classes(lex: &TemporalLexicon) -> WordMap<u32> {
    let mut map: WordMap<u32> = WordMap::default();
    let mut add = |words: Vec<&String>, class: Class| {
        for word in words {
            *map.entry(word.clone()).or_default() |= class.bit();
        }
    };
    add(lex.months.keys().collect(), Class::Month);
    add(lex.weekdays.keys().collect(), Class::Weekday);
    let plural_weekdays: Vec<String> = lex
        .weekdays
        .keys()
        .filter(|w| w.ends_with("day"))
        .map(|w| format!("{w}s"))
        .collect();
    add(plural_weekdays.iter().collect(), Class::Weekdays);
    add(lex.relations.keys().collect(), Class::Relation);
    add(lex.number_words.keys().collect(), Class::Count);
    // The words a year written out starts with: "nineteen", "twenty", "two (thousand)".
    let year_starts: Vec<&String> = lex
        .number_words
        .iter()
        .filter(|(_, value)| matches!(value, Some(2 | 11..=20)))
        .map(|(word, _)| word)
        .collect();
    add(year_starts, Class::Year);
    add(lex.units.keys().collect(), Class::Unit);
    add(lex.ordinals.keys().collect(), Class::Ordinal);
    add(lex.seasons.keys().collect(), Class::Season);
    add(lex.dayparts.keys().collect(), Class::DayPart);
    add(lex.modifiers.keys().collect(), Class::Modifier);
    add(lex.relative_days.keys().collect(), Class::RelativeDay);
    add(lex.holiday_names.keys().collect(), Class::Holiday);
    add(lex.time_zones.iter().collect(), Class::Zone);
    add(lex.day_ordinals.keys().collect(), Class::Day);
    let clock_words: Vec<String> = ["noon", "midday", "midnight"].map(String::from).into();
    add(clock_words.iter().collect(), Class::Clock);
    map
}

/// What a match captured, by class; classes that can occur twice keep two slots.
#[derive(Debug, Clone, Copy, Default)]
pub struct Captures {
    months: [Option<u32>; 2],
    days: [Option<u32>; 2],
    years: [Option<i32>; 2],
    weekdays: [Option<Weekday>; 2],
    relation: Option<Relation>,
    count: Option<Option<i64>>,
    /// "two and a half years", "2 1/2 years", "a year and a half".
    half: bool,
    unit: Option<Unit>,
    plural: bool,
    ordinal: Option<u32>,
    season: Option<Season>,
    daypart: Option<DayPart>,
    clock: Option<(u32, u32)>,
    modifier: Option<Modifier>,
    offset: Option<i64>,
    decade: Option<i32>,
    /// Index into the lexicon's holidays: a small capture, copied at every step.
    holiday: Option<u32>,
    numbers: [Option<u32>; 2],
}

fn push<T: Copy>(slots: &mut [Option<T>; 2], value: T) {
    if slots[0].is_none() {
        slots[0] = Some(value);
    } else {
        slots[1] = Some(value);
    }
}

/// A successful match: the rule, its token range and the pattern it builds.
#[derive(Debug, Clone)]
pub struct RuleMatch {
    pub rule: usize,
    pub end: usize,
    pub pattern: Pattern,
    pub forward: bool,
}

pub(super) struct Scanner<'t, 'a> {
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
                let link = (start + 1..end).find(|&k| {
                    matches!(
                        self.folded[k].as_str(),
                        "-" | "\u{2013}" | "to" | "and" | "until" | "till" | "through"
                    )
                })?;
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

    fn word(&self, i: usize) -> Option<&str> {
        self.folded.get(i).map(String::as_str)
    }

    fn is(&self, i: usize, w: &str) -> bool {
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
                | Class::AnyYear.bit();
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

    fn class_at(&self, class: Class, i: usize, captures: &mut Captures) -> Option<usize> {
        let token = self.tokens.get(i)?;
        let word = self.word(i)?;
        let lex = self.lexicon;
        match class {
            Class::Month => {
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
                let ordinal_after = (!lex.ambiguous_months.contains(word)
                    || number_beside(Some(i + 2)))
                    && self
                        .word(i + 1)
                        .is_some_and(|w| lex.day_ordinals.contains_key(w));
                let beside = number_beside(Some(i + 1))
                    || number_beside(i.checked_sub(1))
                    || day_of
                    || ordinal_after;
                if lowercase && (lex.ambiguous_months.contains(word) || word.len() <= 4) && !beside
                {
                    return None;
                }
                push(&mut captures.months, month);
                // "Sept." takes its full stop; "June." ends a sentence.
                let with_stop = !lex.full_month_names.contains(word) && self.is(i + 1, ".");
                Some(if with_stop { 2 } else { 1 })
            }
            Class::Day => {
                let day = match token.kind {
                    TokenKind::Number => day_number(token.text)?,
                    _ => ordinal_day(lex, word)?,
                };
                push(&mut captures.days, day);
                Some(1)
            }
            Class::Year => {
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
            Class::Weekday => {
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
            Class::Relation => {
                captures.relation = Some(*lex.relations.get(word)?);
                Some(1)
            }
            Class::Count => {
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
            Class::Unit => {
                let unit = *lex.units.get(word)?;
                captures.unit = Some(unit);
                captures.plural = word.ends_with('s') && unit != Unit::Weekend;
                if !captures.plural && !captures.half {
                    // "a year and a half"
                    return Some(1 + self.half_at(i + 1, captures));
                }
                Some(1)
            }
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
            Class::Modifier => {
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
            Class::RelativeDay => {
                captures.offset = Some(*lex.relative_days.get(word)?);
                Some(1)
            }
            Class::Decade => {
                // "the nineties", "the '80s", "the late 80s"; not "in his sixties".
                let introduced = i
                    .checked_sub(1)
                    .and_then(|j| self.word(j))
                    .is_some_and(|w| w == "the" || w == "-" || lex.modifiers.contains_key(w));
                if let Some(&start) = lex.decade_words.get(word).filter(|_| introduced) {
                    captures.decade = Some(start);
                    return Some(1);
                }
                let apostrophe = usize::from(token.is_apostrophe());
                let word = self.word(i + apostrophe)?;
                if let Some(digits) = word
                    .strip_suffix('s')
                    .filter(|d| d.len() == 2 && (introduced || apostrophe == 1))
                {
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
            Class::Holiday => {
                let (holiday, length) = self.holiday_at(i)?;
                captures.holiday = Some(u32::try_from(holiday).ok()?);
                Some(length)
            }
            Class::Clock => self.clock_at(i, captures),
            Class::Zone => lex.time_zones.contains(word).then_some(1),
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
            Class::YearQuarter => {
                // "2018q4", "18q4": one token.
                let (year, quarter) = word.split_once('q')?;
                let quarter: u32 = quarter.parse().ok().filter(|q| (1..=4).contains(q))?;
                push(&mut captures.years, year_digits(year)?);
                captures.ordinal = Some(quarter);
                Some(1)
            }
        }
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
    fn holiday_at(&self, i: usize) -> Option<(usize, usize)> {
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
    fn clock_at(&self, i: usize, captures: &mut Captures) -> Option<usize> {
        let word = self.word(i)?;
        match word {
            "noon" | "midday" => {
                captures.clock.get_or_insert((12, 0));
                return Some(1);
            }
            "midnight" => {
                // 24:00, the end of the day named with it ("midnight Friday" is a
                // deadline as Friday ends); alone it is 00:00 (see `Pattern::Time`).
                captures.clock.get_or_insert((24, 0));
                return Some(1);
            }
            _ => {}
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

    fn guard(&self, guard: Guard, start: usize, end: usize, captures: &Captures) -> bool {
        let lex = self.lexicon;
        let word_before = start.checked_sub(1).and_then(|j| self.word(j));
        // "as early as December", "as late as 2019" hold their date like a preposition.
        let as_early_as = word_before == Some("as")
            && start
                .checked_sub(2)
                .and_then(|j| self.word(j))
                .is_some_and(|w| matches!(w, "early" | "late" | "soon"));
        let preposition_before =
            as_early_as || word_before.is_some_and(|w| lex.date_prepositions.contains(w));
        match guard {
            Guard::AfterPreposition => {
                let linked = word_before.is_some_and(|w| lex.linking_prepositions.contains(w));
                let ambiguous = self.word(start).is_some_and(|w| {
                    lex.ambiguous_months.contains(w) || lex.ambiguous_seasons.contains(w)
                });
                let word_after = self.tokens.get(end).is_some_and(|t| t.is_word());
                preposition_before && !(linked && ambiguous && word_after)
            }
            Guard::Attributive => {
                let determiner = word_before.is_some_and(|w| lex.determiners.contains(w));
                let noun_after = self.tokens.get(end).is_some_and(|t| {
                    t.is_word()
                        && !t.is_capitalized()
                        && !lex.date_prepositions.contains(&self.folded[end])
                        && !lex.date_conjunctions.contains(&self.folded[end])
                });
                determiner && self.tokens[start].is_capitalized() && noun_after
            }
            Guard::StandaloneNumber => {
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
                    || preposition_before;
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
                    || before_ok && (after_ok || preposition_before)
            }
            Guard::MonthNotModal => {
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
            Guard::AfterQuantity => start.checked_sub(1).is_some_and(|j| {
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
            }),
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
            Guard::NotIndefinite => {
                !matches!(word_before, Some("a" | "an" | "any"))
                    || self.word(end).is_some_and(|w| lex.is_event_head(w))
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
            Guard::NotAfterRanking => {
                let verb = |j: usize| {
                    let word = self.folded[j].as_str();
                    lex.is_past_tense(word)
                        || (word != "to" && lex.passive_auxiliaries.contains(word))
                        || lex.future_marker_at(self.folded, j)
                };
                let ranked = (start.saturating_sub(6)..start)
                    .rev()
                    .take_while(|&j| {
                        let token = &self.tokens[j];
                        (token.is_word() || matches!(token.text, "'" | "\u{2019}")) && !verb(j)
                    })
                    .any(|j| lex.ranking_words.contains(&self.folded[j]));
                !ranked
            }
            Guard::NotAfterPerfect => {
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
                        return false;
                    }
                }
                true
            }
            Guard::NotBeforeWord => self.tokens.get(end).is_none_or(|t| {
                !t.is_word() && t.kind != TokenKind::Number
                    || lex.date_conjunctions.contains(&self.folded[end])
            }),
            Guard::NotFraction => {
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
                    && !lex.numeric_idioms.contains(&joined)
                    && !neighbour_is_number(start.checked_sub(1))
                    && !neighbour_is_number(Some(end))
            }
            Guard::IsoMonth => {
                let month = self.tokens[end - 1].text;
                month.len() == 2
                    && (month.starts_with('0') || self.tokens.get(end).is_none_or(|t| !t.is_word()))
            }
        }
    }
}

/// A day of the month written in one or two digits: "5", "15".
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

/// The holiday a rule captured, as the lexicon keeps it.
fn captured_holiday<'l>(c: &Captures, lexicon: &'l TemporalLexicon) -> Option<&'l Holiday> {
    lexicon.holidays.get(usize::try_from(c.holiday?).ok()?)
}

/// The ordinal as the patterns count it: negative from the end ("the second last").
fn counted_nth(ordinal: u32, args: &Args) -> Option<i32> {
    let nth = i32::try_from(ordinal).ok()?;
    Some(if args.from_end { -nth } else { nth })
}

/// Turn what a rule captured into a pattern; `None` when the parts do not make one.
fn build(
    builder: Builder,
    args: &Args,
    c: &Captures,
    lexicon: &TemporalLexicon,
) -> Option<Pattern> {
    let relation = args.relation.or(c.relation);
    let mut unit = args.unit.or(c.unit);
    let mut count = args.count.map(Some).or(c.count);
    // Half a unit more is a count of the next unit down: "3 1/2 years ago" is 42
    // months ago. A length keeps its units (P3Y6M).
    if c.half && builder != Builder::Duration {
        let (whole, finer) = unit?.with_half(count??)?;
        count = Some(Some(whole));
        unit = Some(finer);
    }
    let modifier = args.modifier.or(c.modifier);
    let ordinal = args.ordinal.or(c.ordinal);
    Some(match builder {
        Builder::Date => {
            if let Some(holiday) = captured_holiday(c, lexicon) {
                let moved = match (count, unit) {
                    (Some(Some(n)), Some(unit)) => {
                        let n = i32::try_from(n).ok()?;
                        Some((if args.past { -n } else { n }, unit))
                    }
                    _ => None,
                };
                Pattern::Holiday {
                    rule: holiday.rule,
                    days: holiday.days,
                    year: c.years[0],
                    relation,
                    of_year: args.unit == Some(Unit::Year),
                    moved,
                    offset: 0,
                }
            } else if let Some(start) = c.decade {
                // Two digits only: the century is the anchor's to choose.
                if start < 100 {
                    Pattern::DecadeOfCentury(start)
                } else {
                    Pattern::Decade(start)
                }
            } else {
                match (c.months[0], c.days[0], c.years[0]) {
                    (Some(month), Some(day), None) if c.weekdays[0].is_some() => {
                        Pattern::WeekdayMonthDay {
                            weekday: c.weekdays[0]?,
                            month,
                            day,
                        }
                    }
                    (Some(month), Some(day), None) if args.unit == Some(Unit::Year) => {
                        Pattern::MonthDayOfYear {
                            month,
                            day,
                            relation: relation?,
                        }
                    }
                    (Some(month), Some(day), year) => Pattern::MonthDay { month, day, year },
                    (Some(month), None, Some(year)) => Pattern::MonthYear {
                        month,
                        year,
                        modifier,
                    },
                    (Some(month), None, None) if args.unit == Some(Unit::Year) => {
                        Pattern::MonthOfYear {
                            month,
                            relation: relation?,
                        }
                    }
                    (Some(month), None, None) => Pattern::Month {
                        month,
                        relation,
                        modifier,
                    },
                    (None, None, Some(year)) => Pattern::Year { year, modifier },
                    _ => return None,
                }
            }
        }
        Builder::Weekday => Pattern::Weekday {
            weekday: c.weekdays[0]?,
            relation,
        },
        Builder::RelativeDay => Pattern::RelativeDay(args.days.or(c.offset)?),
        Builder::RelativeUnit => match unit? {
            Unit::Weekend => Pattern::Weekend { relation },
            Unit::Quarter => Pattern::Quarter {
                quarter: None,
                year: None,
                relation: Some(relation?),
            },
            unit => Pattern::RelativeUnit {
                relation: relation?,
                unit,
                modifier,
            },
        },
        Builder::PartOfUnit => Pattern::PartOfUnit {
            part: args.part?,
            unit: unit?,
        },
        Builder::Weekend => Pattern::Weekend { relation },
        Builder::Ago => Pattern::Ago {
            count: count??,
            unit: unit?,
        },
        Builder::Later => Pattern::Ago {
            count: -(count??),
            unit: unit?,
        },
        Builder::Earlier => Pattern::Earlier {
            count: count.flatten().unwrap_or(1),
            unit: unit?,
        },
        Builder::Afterwards => Pattern::Earlier {
            count: -count.flatten().unwrap_or(1),
            unit: unit?,
        },
        Builder::Focus => Pattern::Focus {
            unit: unit?,
            step: args.count.unwrap_or(0),
            deictic: args.deictic,
            modifier,
        },
        Builder::Quarter => Pattern::Quarter {
            quarter: ordinal.filter(|q| (1..=4).contains(q)),
            year: c.years[0],
            relation,
        },
        Builder::Century => Pattern::Century((i32::try_from(c.days[0]?).ok()? - 1) * 100),
        Builder::Half => Pattern::Half {
            half: ordinal.filter(|h| (1..=2).contains(h))?,
            month: c.months[0],
            year: c.years[0],
            relation,
        },
        Builder::Season => Pattern::Season {
            season: c.season?,
            year: c.years[0],
            relation,
            modifier,
        },
        Builder::Duration => {
            let count = if c.plural && count.is_none() {
                None
            } else {
                count.unwrap_or(Some(1))
            };
            Pattern::Duration {
                count,
                unit: unit?,
                half: c.half,
                past: args.past,
            }
        }
        Builder::Reference => Pattern::Reference(args.reference?),
        Builder::Set => Pattern::Set {
            unit,
            count,
            month: c.months[0],
            weekday: c.weekdays[0],
            daypart: args.daypart.or(c.daypart),
        },
        Builder::Time => Pattern::Time {
            date: c.months[0].zip(c.days[0]),
            year: c.years[0],
            weekday: c.weekdays[0],
            relation,
            offset: args.days.or(c.offset),
            daypart: args.daypart.or(c.daypart),
            clock: c.clock,
        },
        Builder::NumericDate => {
            let (first, second) = (c.numbers[0]?, c.numbers[1]?);
            let (month, day) = if first > 12 || lexicon.day_first && second <= 12 {
                (second, first)
            } else {
                (first, second)
            };
            if month > 12 || chrono::NaiveDate::from_ymd_opt(2000, month, day).is_none() {
                return None;
            }
            Pattern::MonthDay {
                month,
                day,
                year: c.years[0],
            }
        }
        Builder::DayOfMonth => Pattern::DayOfMonth {
            day: c.days[0]?,
            relation,
            weekday: c.weekdays[0],
        },
        Builder::NthOfMonth => Pattern::NthOfMonth {
            nth: counted_nth(ordinal?, args)?,
            weekday: c.weekdays[0],
            month: c.months[0],
            year: c.years[0],
            relation,
        },
        Builder::NthWeek => Pattern::NthWeek {
            nth: counted_nth(ordinal?, args)?,
            month: c.months[0],
            year: c.years[0],
        },
        Builder::WeekOf => Pattern::WeekOf {
            month: c.months[0]?,
            day: c.days[0]?,
            year: c.years[0],
            weekend: unit == Some(Unit::Weekend),
        },
        Builder::NthWeekday => {
            let n = count??;
            Pattern::NthWeekday {
                count: if args.past { -n } else { n },
                weekday: c.weekdays[0]?,
            }
        }
        Builder::WeekdayOfWeek => Pattern::WeekdayOfWeek {
            weekday: c.weekdays[0]?,
            relation: relation?,
        },
        Builder::Ahead => Pattern::Ahead {
            count: count??,
            unit: unit?,
        },
        Builder::HolidayOffset => {
            let holiday = captured_holiday(c, lexicon)?;
            // "three days before Easter", or a fixed distance: "the eve of Ramadan".
            let days = match (unit, args.days) {
                (Some(unit), _) => {
                    let per = match unit {
                        Unit::Day => 1,
                        Unit::Week => 7,
                        _ => return None,
                    };
                    per * i32::try_from(count??).ok()?
                }
                (None, Some(days)) => i32::try_from(days).ok()?,
                (None, None) => return None,
            };
            Pattern::Holiday {
                rule: holiday.rule,
                days: 1,
                year: c.years[0],
                relation,
                of_year: false,
                moved: None,
                offset: if args.past { -days } else { days },
            }
        }
        Builder::Span => {
            if let (Some(a), Some(b)) = (c.weekdays[0], c.weekdays[1]) {
                Pattern::WeekdaySpan { from: a, to: b }
            } else if let (Some(from), Some(to), None) = (c.years[0], c.years[1], c.months[0]) {
                // "1992-1995": a run of years, never backwards ("1995-1992" is no span).
                if to <= from {
                    return None;
                }
                Pattern::YearSpan { from, to }
            } else {
                let to_month = c.months[1].or(c.months[0])?;
                Pattern::DaySpan {
                    from: (c.months[0]?, c.days[0]?),
                    to: (to_month, c.days[1]?),
                    year: c.years[0],
                }
            }
        }
    })
}
