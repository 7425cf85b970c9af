//! Lexicons kept as data (`src/lexicon/*.yaml`), compiled into the binary and parsed
//! at start-up: month and weekday names, temporal words, event triggers, and the
//! gazetteer of actors and places. Each file has an example corpus under
//! `src/lexicon/examples/` that the tests walk.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Kind;
use crate::temporal::rules::{WordMap, WordSet};
use crate::temporal::{DayPart, Modifier, Relation, RuleSet, Season, Unit};
use crate::text::tokenize;

const TEMPORAL_YAML: &str = include_str!("lexicon/temporal.yaml");
const EVENTS_YAML: &str = include_str!("lexicon/events.yaml");
const GAZETTEER_YAML: &str = include_str!("lexicon/gazetteer.yaml");

/// A token as lexicons compare it: lowercase, with typographic apostrophes made plain.
pub fn fold(token: &str) -> String {
    // Most tokens are plain lowercase ASCII: one allocation, no scan for apostrophes.
    if token
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        return token.to_string();
    }
    token.to_lowercase().replace('’', "'")
}

/// Split a lexicon phrase into folded tokens the way running text is split.
fn phrase(text: &str) -> Vec<String> {
    tokenize(text, 0).iter().map(|t| fold(t.text)).collect()
}

/// Does `phrase` start at token `i` of `folded`?
pub fn phrase_at(folded: &[String], i: usize, phrase: &[String]) -> bool {
    !phrase.is_empty()
        && phrase
            .iter()
            .enumerate()
            .all(|(k, w)| folded.get(i + k) == Some(w))
}

pub struct Lexicon {
    pub temporal: TemporalLexicon,
    pub events: EventLexicon,
    pub gazetteer: Gazetteer,
}

impl Lexicon {
    /// The lexicons shipped with dateline.
    /// The built-in lexicons with the user's gazetteers added (`--gazetteer FILE`).
    pub fn with_gazetteers(paths: &[PathBuf]) -> Result<Lexicon> {
        let mut lexicon = Lexicon::builtin()?;
        for path in paths {
            // The same checks as an article: size, binary, UTF-8, with the line.
            let text = crate::document::read_text(path)?;
            lexicon.gazetteer.extend_with(path, &text)?;
        }
        Ok(lexicon)
    }

    pub fn builtin() -> Result<Lexicon> {
        Ok(Lexicon {
            temporal: TemporalLexicon::parse(TEMPORAL_YAML)?,
            events: EventLexicon::parse(EVENTS_YAML)?,
            gazetteer: Gazetteer::parse(GAZETTEER_YAML)?,
        })
    }
}

fn parse_yaml<'de, T: Deserialize<'de>>(name: &str, text: &'de str) -> Result<T> {
    serde_yaml::from_str(text).map_err(|e| Error::Lexicon {
        name: name.to_string(),
        reason: e.to_string(),
    })
}

// ---------------------------------------------------------------------------------
// temporal.yaml

#[derive(Debug)]
pub struct TemporalLexicon {
    pub months: WordMap<u32>,
    /// The full names ("june"), as opposed to abbreviations ("jun").
    pub full_month_names: WordSet,
    pub ambiguous_months: WordSet,
    pub weekdays: WordMap<u32>,
    pub lowercase_weekdays: bool,
    /// Weekday abbreviations that are also words ("sun", "wed"): a weekday only
    /// before a date.
    pub ambiguous_weekdays: WordSet,
    pub weekday_blockers: WordSet,
    /// Read "3/4/2025" day first (4 March), as British and most non-US outlets
    /// write it; otherwise month first. A number over 12 settles it either way.
    pub day_first: bool,
    /// Number pairs with a slash that are no date ("24/7").
    pub numeric_idioms: WordSet,
    /// Words that may follow a date that stands alone ("on the 15th and ...").
    pub date_conjunctions: WordSet,
    pub date_prepositions: WordSet,
    /// Prepositions that also join clauses ("and", "to"): after them a month or
    /// season that is also an ordinary word must end the phrase ("to fall." but not
    /// "to fall apart", "and Jan Kavan").
    pub linking_prepositions: WordSet,
    /// Prepositions that take a day, not a month: see temporal.yaml.
    pub day_prepositions: WordSet,
    /// Season names that are also verbs ("fall", "spring").
    pub ambiguous_seasons: WordSet,
    /// Modifiers that are also verbs ("start", "end"): see `verb_modifiers` in
    /// temporal.yaml.
    pub verb_modifiers: WordSet,
    pub relative_days: WordMap<i64>,
    pub relations: WordMap<Relation>,
    pub number_words: WordMap<Option<i64>>,
    pub ordinals: WordMap<u32>,
    pub day_ordinals: WordMap<u32>,
    pub units: WordMap<Unit>,
    pub duration_nouns: WordSet,
    pub gap_words: WordSet,
    pub nominal_followers: WordSet,
    pub length_verbs: WordSet,
    pub seasons: WordMap<Season>,
    pub dayparts: WordMap<DayPart>,
    pub modifiers: WordMap<Modifier>,
    /// Named days (`holidays.yaml`).
    pub holidays: Vec<Holiday>,
    /// A holiday name's first token → (the name's tokens, index in `holidays`),
    /// longest names first.
    pub holiday_names: WordMap<Vec<(Vec<String>, usize)>>,
    /// Region (ISO 3166 code) whose holidays apply where they differ: US Labor Day is
    /// in September, New Zealand's in October.
    pub region: Option<String>,
    pub future_markers: Vec<Vec<String>>,
    pub before_common_era: Vec<Vec<String>>,
    pub past_tense_irregular: WordSet,
    pub past_tense_not: WordSet,
    pub year_determiners: WordSet,
    pub time_zones: WordSet,
    pub passive_auxiliaries: WordSet,
    pub determiners: WordSet,
    pub past_event_nouns: WordSet,
    pub dated_heads: WordSet,
    pub deadline_heads: WordSet,
    pub deadline_setting_verbs: WordSet,
    pub progressive_auxiliaries: WordSet,
    pub superseded_plan_words: WordSet,
    pub plan_words_after_had: WordSet,
    pub backward_prepositions: WordSet,
    pub concessive_prepositions: WordSet,
    pub forward_prepositions: WordSet,
    pub present_copulas: WordSet,
    pub month_day_followers: WordSet,
    pub quantity_words: WordSet,
    pub deferral_verbs: WordSet,
    pub deferral_prepositions: WordSet,
    pub allowance_verbs: WordSet,
    pub scheduled_verbs: WordSet,
    pub scheduled_verbs_not_after: WordSet,
    pub directive_verbs: WordSet,
    pub deadline_prepositions: WordSet,
    pub designation_verbs: WordSet,
    pub designation_objects: WordSet,
    /// "first", "biggest": a length of time after one ("the first time in three
    /// months") is the stretch ranked over, not a date ahead.
    pub ranking_words: WordSet,
    pub speech_verbs: WordSet,
    pub perfect_auxiliaries: WordSet,
    pub perfect_span_words: WordSet,
    /// "war", "agreement": after a holiday they make it a name ("the Good Friday
    /// Agreement"), not a day.
    pub named_event_heads: WordSet,
    /// "nineties" → 90: a decade named without its century.
    pub decade_words: WordMap<i32>,
    pub not_plural_nouns: WordSet,
    /// The rule families of `src/temporal/rules/`.
    pub rules: RuleSet,
    /// Word → the rule classes it may belong to (see `temporal::rules::word_classes`).
    pub word_classes: WordMap<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemporalFile {
    months: Vec<Vec<serde_yaml::Value>>,
    ambiguous_months: Vec<String>,
    weekdays: Vec<Vec<serde_yaml::Value>>,
    lowercase_weekdays: bool,
    ambiguous_weekdays: Vec<String>,
    weekday_blockers: Vec<String>,
    numeric_dates: NumericOrder,
    numeric_idioms: Vec<String>,
    date_conjunctions: Vec<String>,
    date_prepositions: Vec<String>,
    linking_prepositions: Vec<String>,
    day_prepositions: Vec<String>,
    ambiguous_seasons: Vec<String>,
    verb_modifiers: Vec<String>,
    relative_days: BTreeMap<String, i64>,
    relations: BTreeMap<String, Relation>,
    number_words: BTreeMap<String, Option<i64>>,
    ordinals: BTreeMap<String, u32>,
    day_ordinals: BTreeMap<String, u32>,
    units: BTreeMap<String, Unit>,
    duration_nouns: Vec<String>,
    gap_words: Vec<String>,
    nominal_followers: Vec<String>,
    length_verbs: Vec<String>,
    seasons: BTreeMap<String, Season>,
    dayparts: BTreeMap<String, DayPart>,
    modifiers: BTreeMap<String, Modifier>,
    past_tense_irregular: Vec<String>,
    past_tense_not: Vec<String>,
    year_determiners: Vec<String>,
    time_zones: Vec<String>,
    passive_auxiliaries: Vec<String>,
    determiners: Vec<String>,
    past_event_nouns: Vec<String>,
    dated_heads: Vec<String>,
    deadline_heads: Vec<String>,
    deadline_setting_verbs: Vec<String>,
    progressive_auxiliaries: Vec<String>,
    superseded_plan_words: Vec<String>,
    plan_words_after_had: Vec<String>,
    backward_prepositions: Vec<String>,
    concessive_prepositions: Vec<String>,
    forward_prepositions: Vec<String>,
    present_copulas: Vec<String>,
    month_day_followers: Vec<String>,
    quantity_words: Vec<String>,
    deferral_verbs: Vec<String>,
    deferral_prepositions: Vec<String>,
    allowance_verbs: Vec<String>,
    scheduled_verbs: Vec<String>,
    scheduled_verbs_not_after: Vec<String>,
    directive_verbs: Vec<String>,
    deadline_prepositions: Vec<String>,
    designation_verbs: Vec<String>,
    designation_objects: Vec<String>,
    ranking_words: Vec<String>,
    speech_verbs: Vec<String>,
    perfect_auxiliaries: Vec<String>,
    perfect_span_words: Vec<String>,
    named_event_heads: Vec<String>,
    decade_words: BTreeMap<String, i32>,
    not_plural_nouns: Vec<String>,
    future_markers: Vec<String>,
    before_common_era: Vec<String>,
}

const HOLIDAYS: &str = include_str!("lexicon/holidays.yaml");

/// A named day and how it falls in a year.
#[derive(Debug, Clone)]
pub struct Holiday {
    pub rule: crate::temporal::holidays::HolidayRule,
    /// How many days it lasts (Ramadan: 30).
    pub days: u32,
    /// Where it is kept on this day; empty: everywhere not listed elsewhere.
    pub regions: Vec<String>,
    /// Read only when capitalised ("Lent", not "lent").
    pub cased: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayFile {
    holidays: Vec<HolidayEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayEntry {
    names: Vec<String>,
    date: HolidayDate,
    #[serde(default)]
    days: u32,
    #[serde(default)]
    regions: Vec<String>,
    #[serde(default)]
    cased: bool,
}

/// One of the ways `holidays.yaml` gives a day (exactly one of the fields up to
/// `sankranti` is set), and how it moves or skips years.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayDate {
    once: Option<chrono::NaiveDate>,
    vague_year: Option<chrono::NaiveDate>,
    fixed: Option<[u32; 2]>,
    nth_weekday: Option<NthWeekday>,
    easter: Option<i64>,
    orthodox_easter: Option<i64>,
    hijri: Option<[u32; 2]>,
    hebrew: Option<[u32; 2]>,
    chinese: Option<[u32; 2]>,
    vietnamese: Option<[u32; 2]>,
    solar_term: Option<u32>,
    hindu: Option<HinduDay>,
    sankranti: Option<SankrantiDay>,
    weekday_before: Option<chrono::Weekday>,
    weekday_from: Option<chrono::Weekday>,
    nearest_weekday: Option<chrono::Weekday>,
    weekend: Option<WeekendShift>,
    every: Option<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HinduDay {
    month: u8,
    tithi: u8,
    #[serde(default = "sunrise")]
    at: crate::temporal::holidays::Moment,
    #[serde(default)]
    offset: i8,
}

fn sunrise() -> crate::temporal::holidays::Moment {
    crate::temporal::holidays::Moment::Sunrise
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SankrantiDay {
    sign: u8,
    #[serde(default)]
    offset: i8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WeekendShift {
    #[serde(default)]
    saturday: i8,
    #[serde(default)]
    sunday: i8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NthWeekday {
    month: u32,
    weekday: chrono::Weekday,
    nth: i32,
    #[serde(default)]
    offset: i64,
}

impl HolidayDate {
    fn rule(self, name: &str) -> Result<crate::temporal::holidays::HolidayRule> {
        use crate::temporal::holidays::{DayRule, HolidayRule, Shift};
        let bad = |reason: &str| Error::Lexicon {
            name: "holidays.yaml".into(),
            reason: format!("{name}: {reason}"),
        };
        let valid_day = |[month, day]: [u32; 2]| {
            chrono::NaiveDate::from_ymd_opt(2000, month, day)
                .map(|_| [month, day])
                .ok_or_else(|| bad("no such day"))
        };
        let mut rules = Vec::new();
        if let Some(day) = self.once {
            rules.push(DayRule::Once(day));
        }
        if let Some(day) = self.vague_year {
            rules.push(DayRule::VagueYear(day));
        }
        if let Some(day) = self.fixed {
            rules.push(DayRule::Fixed(valid_day(day)?));
        }
        if let Some(n) = self.nth_weekday {
            if !(1..=12).contains(&n.month) || n.nth == 0 || !(-5..=5).contains(&n.nth) {
                return Err(bad("nth_weekday needs a month 1-12 and nth ±1-5"));
            }
            rules.push(DayRule::NthWeekday {
                month: n.month,
                weekday: n.weekday,
                nth: n.nth,
                offset: n.offset,
            });
        }
        if let Some(offset) = self.easter {
            rules.push(DayRule::Easter(offset));
        }
        if let Some(offset) = self.orthodox_easter {
            rules.push(DayRule::OrthodoxEaster(offset));
        }
        // A [month, day] of a lunar or lunisolar calendar: months up to `last_month`,
        // days up to 30.
        let lunar = |field: &str, date: Option<[u32; 2]>, last_month: u32| match date {
            Some([month, day])
                if !(1..=last_month).contains(&month) || !(1..=30).contains(&day) =>
            {
                Err(bad(&format!(
                    "a {field} date is [month 1-{last_month}, day 1-30]"
                )))
            }
            date => Ok(date),
        };
        if let Some(date) = lunar("hijri", self.hijri, 12)? {
            rules.push(DayRule::Hijri(date));
        }
        if let Some(date) = lunar("hebrew", self.hebrew, 13)? {
            rules.push(DayRule::Hebrew(date));
        }
        if let Some(date) = lunar("chinese", self.chinese, 12)? {
            rules.push(DayRule::Chinese(date));
        }
        if let Some(date) = lunar("vietnamese", self.vietnamese, 12)? {
            rules.push(DayRule::Vietnamese(date));
        }
        if let Some(day) = self.hindu {
            if !(1..=12).contains(&day.month) || !(1..=30).contains(&day.tithi) {
                return Err(bad("a hindu day is {month: 1-12, tithi: 1-30}"));
            }
            rules.push(DayRule::Hindu {
                month: day.month,
                tithi: day.tithi,
                at: day.at,
                offset: day.offset,
            });
        }
        if let Some(day) = self.sankranti {
            if day.sign >= 12 {
                return Err(bad("a sankranti's sign is 0 (Mesha) to 11 (Mina)"));
            }
            rules.push(DayRule::Sankranti {
                sign: day.sign,
                offset: day.offset,
            });
        }
        if let Some(longitude) = self.solar_term {
            if longitude >= 360 || longitude % 15 != 0 {
                return Err(bad("a solar term is a longitude 0-345, a multiple of 15"));
            }
            rules.push(DayRule::SolarTerm(longitude));
        }
        let shifts = [
            self.weekday_before.map(Shift::WeekdayBefore),
            self.weekday_from.map(Shift::WeekdayFrom),
            self.nearest_weekday.map(Shift::NearestWeekday),
            self.weekend.map(|w| Shift::Weekend {
                saturday: w.saturday,
                sunday: w.sunday,
            }),
        ];
        let shift =
            match shifts.iter().flatten().collect::<Vec<_>>().as_slice() {
                [] => Shift::None,
                [shift] => **shift,
                _ => return Err(bad(
                    "give at most one of weekday_before, weekday_from, nearest_weekday, weekend",
                )),
            };
        let every = self.every.unwrap_or(1);
        if every == 0 {
            return Err(bad("every counts years: 1 or more"));
        }
        match rules.as_slice() {
            [day] => Ok(HolidayRule {
                day: *day,
                shift,
                every,
            }),
            _ => Err(bad(
                "give exactly one of once, vague_year, fixed, nth_weekday, easter, orthodox_easter, hijri, hebrew, chinese, vietnamese, solar_term, hindu, sankranti",
            )),
        }
    }
}

/// A name as people also write it: "mother's day" as "mothers day", "eid al-adha" as
/// "eid al adha", "st. patrick's" as "st patricks".
fn simplified_name(tokens: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in tokens {
        match token.as_str() {
            "'" | "-" | "." => {}
            "s" if out.last().is_some() && tokens.len() > 1 => {
                if let Some(last) = out.last_mut() {
                    last.push('s');
                }
            }
            _ => out.push(token.clone()),
        }
    }
    out
}

/// How the lexicon reads a numeric date whose numbers are both 12 or less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum NumericOrder {
    MonthFirst,
    DayFirst,
}

/// `[number, name, abbreviation...]` rows into a name → number map.
fn numbered_names(file: &str, rows: &[Vec<serde_yaml::Value>]) -> Result<WordMap<u32>> {
    let mut map = WordMap::default();
    for row in rows {
        let bad = || Error::Lexicon {
            name: file.to_string(),
            reason: format!("row {row:?} is not [number, name, ...]"),
        };
        let number = row
            .first()
            .and_then(serde_yaml::Value::as_u64)
            .ok_or_else(bad)?;
        for name in &row[1..] {
            let name = name.as_str().ok_or_else(bad)?;
            map.insert(fold(name), u32::try_from(number).map_err(|_| bad())?);
        }
    }
    Ok(map)
}

impl TemporalLexicon {
    fn parse(text: &str) -> Result<Self> {
        let file: TemporalFile = parse_yaml("temporal.yaml", text)?;
        let set = |v: Vec<String>| v.iter().map(|s| fold(s)).collect::<WordSet>();
        let mut lexicon = TemporalLexicon {
            months: numbered_names("temporal.yaml", &file.months)?,
            full_month_names: file
                .months
                .iter()
                .filter_map(|row| row.get(1).and_then(serde_yaml::Value::as_str))
                .map(fold)
                .collect(),
            ambiguous_months: set(file.ambiguous_months),
            weekdays: numbered_names("temporal.yaml", &file.weekdays)?,
            lowercase_weekdays: file.lowercase_weekdays,
            ambiguous_weekdays: set(file.ambiguous_weekdays),
            weekday_blockers: set(file.weekday_blockers),
            day_first: file.numeric_dates == NumericOrder::DayFirst,
            numeric_idioms: file.numeric_idioms.into_iter().collect(),
            date_conjunctions: set(file.date_conjunctions),
            date_prepositions: set(file.date_prepositions),
            linking_prepositions: set(file.linking_prepositions),
            day_prepositions: set(file.day_prepositions),
            ambiguous_seasons: set(file.ambiguous_seasons),
            verb_modifiers: set(file.verb_modifiers),
            relative_days: file.relative_days.into_iter().collect(),
            relations: file.relations.into_iter().collect(),
            number_words: file.number_words.into_iter().collect(),
            ordinals: file.ordinals.into_iter().collect(),
            day_ordinals: file.day_ordinals.into_iter().collect(),
            units: file.units.into_iter().collect(),
            duration_nouns: set(file.duration_nouns),
            gap_words: set(file.gap_words),
            nominal_followers: set(file.nominal_followers),
            length_verbs: set(file.length_verbs),
            seasons: file.seasons.into_iter().collect(),
            dayparts: file.dayparts.into_iter().collect(),
            modifiers: file.modifiers.into_iter().collect(),
            holidays: Vec::new(),
            holiday_names: Default::default(),
            region: None,
            future_markers: file.future_markers.iter().map(|m| phrase(m)).collect(),
            before_common_era: file.before_common_era.iter().map(|m| phrase(m)).collect(),
            past_tense_irregular: set(file.past_tense_irregular),
            past_tense_not: set(file.past_tense_not),
            year_determiners: set(file.year_determiners),
            time_zones: set(file.time_zones),
            passive_auxiliaries: set(file.passive_auxiliaries),
            determiners: set(file.determiners),
            past_event_nouns: set(file.past_event_nouns),
            dated_heads: set(file.dated_heads),
            deadline_heads: set(file.deadline_heads),
            deadline_setting_verbs: set(file.deadline_setting_verbs),
            progressive_auxiliaries: set(file.progressive_auxiliaries),
            superseded_plan_words: set(file.superseded_plan_words),
            plan_words_after_had: set(file.plan_words_after_had),
            backward_prepositions: set(file.backward_prepositions),
            concessive_prepositions: set(file.concessive_prepositions),
            forward_prepositions: set(file.forward_prepositions),
            present_copulas: set(file.present_copulas),
            month_day_followers: set(file.month_day_followers),
            quantity_words: set(file.quantity_words),
            deferral_verbs: set(file.deferral_verbs),
            deferral_prepositions: set(file.deferral_prepositions),
            allowance_verbs: set(file.allowance_verbs),
            scheduled_verbs: set(file.scheduled_verbs),
            scheduled_verbs_not_after: set(file.scheduled_verbs_not_after),
            directive_verbs: set(file.directive_verbs),
            deadline_prepositions: set(file.deadline_prepositions),
            designation_verbs: set(file.designation_verbs),
            designation_objects: set(file.designation_objects),
            ranking_words: set(file.ranking_words),
            speech_verbs: set(file.speech_verbs),
            perfect_auxiliaries: set(file.perfect_auxiliaries),
            perfect_span_words: set(file.perfect_span_words),
            named_event_heads: set(file.named_event_heads),
            decade_words: file.decade_words.into_iter().collect(),
            not_plural_nouns: set(file.not_plural_nouns),
            rules: RuleSet::builtin()?,
            word_classes: Default::default(),
        };
        lexicon.load_holidays(HOLIDAYS)?;
        lexicon.word_classes = crate::temporal::rules::word_classes(&lexicon);
        Ok(lexicon)
    }

    fn load_holidays(&mut self, text: &str) -> Result<()> {
        let file: HolidayFile = parse_yaml("holidays.yaml", text)?;
        for entry in file.holidays {
            let index = self.holidays.len();
            let mut forms = BTreeSet::new();
            for name in &entry.names {
                let tokens: Vec<String> = crate::text::tokenize(name, 0)
                    .iter()
                    .map(|t| fold(t.text).replace('\u{2019}', "'"))
                    .collect();
                forms.insert(simplified_name(&tokens));
                forms.insert(tokens);
            }
            for tokens in forms {
                let Some(first) = tokens.first().cloned() else {
                    continue;
                };
                self.holiday_names
                    .entry(first)
                    .or_default()
                    .push((tokens, index));
            }
            let name = entry.names.first().map_or("", String::as_str);
            self.holidays.push(Holiday {
                rule: entry.date.rule(name)?,
                days: entry.days.max(1),
                regions: entry
                    .regions
                    .iter()
                    .map(|r| r.to_ascii_uppercase())
                    .collect(),
                cased: entry.cased,
            });
        }
        for names in self.holiday_names.values_mut() {
            names.sort_by_key(|(tokens, index)| (std::cmp::Reverse(tokens.len()), *index));
        }
        Ok(())
    }

    /// Apply the holidays of `region` (an ISO 3166 code such as `GB`) where they
    /// differ from the general ones.
    pub fn set_region(&mut self, region: Option<&str>) {
        self.region = region.map(str::to_ascii_uppercase);
    }

    /// Does a future marker ("will", "is due", "plan to") start at `folded[i]`?
    pub fn future_marker_at(&self, folded: &[String], i: usize) -> bool {
        self.future_markers
            .iter()
            .any(|marker| phrase_at(folded, i, marker))
    }

    /// Does this folded noun name an event a date can be the day of ("deadline",
    /// "vote", "attack", "war")?
    pub fn is_event_head(&self, word: &str) -> bool {
        self.dated_heads.contains(word)
            || self.past_event_nouns.contains(word)
            || self.named_event_heads.contains(word)
    }

    /// The weekday a folded word names ("friday", "fri").
    pub fn weekday(&self, word: &str) -> Option<chrono::Weekday> {
        let number = self.weekdays.get(word)?.checked_sub(1)?;
        chrono::Weekday::try_from(u8::try_from(number).ok()?).ok()
    }

    /// Is this folded word a verb in the past tense ("said", "launched")?
    pub fn is_past_tense(&self, word: &str) -> bool {
        self.past_tense_irregular.contains(word)
            || word.len() >= 5 && word.ends_with("ed") && !self.past_tense_not.contains(word)
    }

    /// The name of rule `index`, as `family/name`.
    pub fn rule_name(&self, index: usize) -> String {
        self.rules
            .rules
            .get(index)
            .map_or_else(String::new, |r| format!("{}/{}", r.family, r.name))
    }
}

// ---------------------------------------------------------------------------------
// events.yaml

#[derive(Debug, Clone)]
pub struct Trigger {
    pub words: Vec<String>,
    pub kind: Kind,
    /// A noun names an event only when something pins it down (see events.yaml).
    pub noun: bool,
    /// A verb that reports the event only with a named actor as its object
    /// ("received the envoy", not "received reports").
    pub needs_object: bool,
}

/// A finer type of one kind of event, and the CAMEO root code it maps to.
#[derive(Debug, Clone)]
pub struct Mode {
    pub name: String,
    /// How summaries say it, when not its name ("air strike" for aerial).
    pub label: Option<String>,
    pub cameo: String,
    /// Words that mark the mode when they are the trigger or stand in its clause.
    pub words: Vec<Vec<String>>,
}

/// The modes of one kind, in order of preference, and the kind's own CAMEO code.
#[derive(Debug, Clone)]
pub struct KindModes {
    pub cameo: String,
    pub modes: Vec<Mode>,
}

/// Words that state casualty figures.
#[derive(Debug, Default)]
pub struct CasualtyWords {
    pub killed: Vec<Vec<String>>,
    pub injured: Vec<Vec<String>>,
    /// Allowed between a figure and its word: "12 people were killed", "toll rose to 30".
    pub filler: BTreeSet<String>,
}

#[derive(Debug)]
pub struct EventLexicon {
    /// Longest first, so "missile strike" wins over "strike".
    pub triggers: Vec<Trigger>,
    pub negation: Vec<Vec<String>>,
    pub irrealis: Vec<Vec<String>>,
    pub generic_speakers: BTreeSet<String>,
    pub auxiliaries: BTreeSet<String>,
    pub locative: BTreeSet<String>,
    pub target: BTreeSet<String>,
    pub participants: BTreeSet<String>,
    pub habitual: BTreeSet<String>,
    pub pair_references: Vec<Vec<String>>,
    pub modals: BTreeSet<String>,
    pub uncertain_predicates: BTreeSet<String>,
    pub bound_cues: BTreeSet<String>,
    pub ordering_cues: BTreeSet<String>,
    /// Longest first.
    pub order_cues: Vec<OrderCue>,
    pub count_units: BTreeMap<String, (i64, i64)>,
    pub anaphors: BTreeSet<String>,
    pub prepositions: BTreeSet<String>,
    pub modes: BTreeMap<Kind, KindModes>,
    pub casualties: CasualtyWords,
    pub addressee_verbs: BTreeSet<String>,
    pub representatives: BTreeSet<String>,
    pub launch_verbs: BTreeSet<String>,
    pub weapons: BTreeSet<String>,
    pub presupposing: Vec<Vec<String>>,
    pub non_hostile: BTreeSet<String>,
    pub alleged: BTreeSet<String>,
}

/// How "A <cue> B" places A against B.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrderRelation {
    After,
    Before,
    Response,
    During,
}

#[derive(Debug, Clone)]
pub struct OrderCue {
    pub words: Vec<String>,
    pub relation: OrderRelation,
    /// Days from the earlier event to the later: [min, max], max None = open.
    pub min_days: i64,
    pub max_days: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrderCueRow {
    cue: String,
    relation: OrderRelation,
    days: (i64, Option<i64>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EventsFile {
    kinds: BTreeMap<Kind, KindTriggers>,
    negation: Vec<String>,
    irrealis: Vec<String>,
    generic_speakers: Vec<String>,
    auxiliaries: Vec<String>,
    locative: Vec<String>,
    target: Vec<String>,
    participants: Vec<String>,
    habitual: Vec<String>,
    pair_references: Vec<String>,
    modals: Vec<String>,
    uncertain_predicates: Vec<String>,
    bound_cues: Vec<String>,
    ordering_cues: Vec<String>,
    order_cues: Vec<OrderCueRow>,
    count_units: BTreeMap<String, (i64, i64)>,
    anaphors: Vec<String>,
    prepositions: Vec<String>,
    modes: BTreeMap<Kind, KindModesRow>,
    casualties: CasualtiesRow,
    addressee_verbs: Vec<String>,
    representatives: Vec<String>,
    launch_verbs: Vec<String>,
    weapons: Vec<String>,
    presupposing: Vec<String>,
    non_hostile: Vec<String>,
    alleged: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindTriggers {
    verbs: Vec<String>,
    nouns: Vec<String>,
    #[serde(default)]
    needs_object: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KindModesRow {
    cameo: String,
    modes: Vec<ModeRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ModeRow {
    mode: String,
    label: Option<String>,
    cameo: Option<String>,
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CasualtiesRow {
    killed: Vec<String>,
    injured: Vec<String>,
    filler: Vec<String>,
}

/// CAMEO root codes are two digits, 01 to 20.
fn check_cameo(code: &str, what: &str) -> Result<()> {
    let valid = code.len() == 2
        && code.bytes().all(|b| b.is_ascii_digit())
        && (1..=20).contains(&code.parse::<u8>().unwrap_or(0));
    if valid {
        Ok(())
    } else {
        Err(Error::Lexicon {
            name: "events.yaml".into(),
            reason: format!("{what}: CAMEO root code {code:?} is not two digits from 01 to 20"),
        })
    }
}

impl EventLexicon {
    fn parse(text: &str) -> Result<Self> {
        let file: EventsFile = parse_yaml("events.yaml", text)?;
        let mut triggers = Vec::new();
        for (kind, forms) in &file.kinds {
            let lists = [
                (false, false, &forms.verbs),
                (true, false, &forms.nouns),
                (false, true, &forms.needs_object),
            ];
            for (noun, needs_object, list) in lists {
                for form in list {
                    triggers.push(Trigger {
                        words: phrase(form),
                        kind: *kind,
                        noun,
                        needs_object,
                    });
                }
            }
        }
        triggers.sort_by(|a, b| {
            b.words
                .len()
                .cmp(&a.words.len())
                .then_with(|| a.words.cmp(&b.words))
        });
        let phrases = |v: &[String]| v.iter().map(|s| phrase(s)).collect::<Vec<_>>();
        let set = |v: &[String]| v.iter().map(|s| fold(s)).collect::<BTreeSet<_>>();
        let mut order_cues = Vec::new();
        for row in &file.order_cues {
            if row.days.1.is_some_and(|max| max < row.days.0) || row.days.0 < 0 {
                return Err(Error::Lexicon {
                    name: "events.yaml".into(),
                    reason: format!("order cue {:?}: days must be 0 ≤ min ≤ max", row.cue),
                });
            }
            order_cues.push(OrderCue {
                words: phrase(&row.cue),
                relation: row.relation,
                min_days: row.days.0,
                max_days: row.days.1,
            });
        }
        order_cues.sort_by_key(|cue| std::cmp::Reverse(cue.words.len()));
        let mut modes = BTreeMap::new();
        for (kind, row) in &file.modes {
            check_cameo(&row.cameo, kind.as_str())?;
            let mut list = Vec::new();
            for mode in &row.modes {
                let cameo = mode.cameo.clone().unwrap_or_else(|| row.cameo.clone());
                check_cameo(&cameo, &format!("{kind} mode {}", mode.mode))?;
                list.push(Mode {
                    name: mode.mode.clone(),
                    label: mode.label.clone(),
                    cameo,
                    words: phrases(&mode.words),
                });
            }
            modes.insert(
                *kind,
                KindModes {
                    cameo: row.cameo.clone(),
                    modes: list,
                },
            );
        }
        if let Some(kind) = Kind::ALL.iter().find(|k| !modes.contains_key(k)) {
            return Err(Error::Lexicon {
                name: "events.yaml".into(),
                reason: format!("modes: no entry for {kind}"),
            });
        }
        Ok(EventLexicon {
            modes,
            casualties: CasualtyWords {
                killed: phrases(&file.casualties.killed),
                injured: phrases(&file.casualties.injured),
                filler: set(&file.casualties.filler),
            },
            addressee_verbs: set(&file.addressee_verbs),
            representatives: set(&file.representatives),
            launch_verbs: set(&file.launch_verbs),
            weapons: set(&file.weapons),
            presupposing: phrases(&file.presupposing),
            non_hostile: set(&file.non_hostile),
            alleged: set(&file.alleged),
            order_cues,
            count_units: file
                .count_units
                .iter()
                .map(|(k, v)| (fold(k), *v))
                .collect(),
            anaphors: set(&file.anaphors),
            triggers,
            negation: phrases(&file.negation),
            irrealis: phrases(&file.irrealis),
            generic_speakers: set(&file.generic_speakers),
            auxiliaries: set(&file.auxiliaries),
            locative: set(&file.locative),
            target: set(&file.target),
            participants: set(&file.participants),
            habitual: set(&file.habitual),
            pair_references: phrases(&file.pair_references),
            modals: set(&file.modals),
            uncertain_predicates: set(&file.uncertain_predicates),
            bound_cues: set(&file.bound_cues),
            ordering_cues: set(&file.ordering_cues),
            prepositions: set(&file.prepositions),
        })
    }

    /// The trigger starting at token `i`, longest first.
    pub fn trigger_at(&self, folded: &[String], i: usize) -> Option<&Trigger> {
        self.triggers
            .iter()
            .find(|t| phrase_at(folded, i, &t.words))
    }

    /// How a summary names a mode ("air" for aerial): its label, else its name.
    pub fn mode_label(&self, kind: Kind, mode: &str) -> Option<&str> {
        let mode = self
            .modes
            .get(&kind)?
            .modes
            .iter()
            .find(|m| m.name == mode)?;
        Some(mode.label.as_deref().unwrap_or(&mode.name))
    }

    /// The ordering cue starting at token `i`, longest first.
    pub fn order_cue_at(&self, folded: &[String], i: usize) -> Option<&OrderCue> {
        self.order_cues
            .iter()
            .find(|c| phrase_at(folded, i, &c.words))
    }
}

// ---------------------------------------------------------------------------------
// gazetteer.yaml

/// What a gazetteer name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntityClass {
    Person,
    Country,
    Organisation,
    /// "Russian", "Ukrainians": the country as an actor, never a place.
    Demonym,
    /// A capital city: a place, and its country's voice when it speaks.
    Capital,
    /// A city or region.
    Place,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name ("Volodymyr Zelensky", "Russia", "Kyiv").
    pub name: String,
    pub class: EntityClass,
    /// For demonyms and capitals: the country; for people and places: where they belong.
    pub country: Option<String>,
}

impl Entity {
    /// The actor this mention names, if it can act.
    pub fn actor(&self) -> Option<&str> {
        match self.class {
            EntityClass::Person | EntityClass::Country | EntityClass::Organisation => {
                Some(&self.name)
            }
            EntityClass::Demonym => self.country.as_deref(),
            EntityClass::Capital | EntityClass::Place => None,
        }
    }

    /// The place this mention names, if it is one.
    pub fn place(&self) -> Option<&str> {
        match self.class {
            EntityClass::Country | EntityClass::Capital | EntityClass::Place => Some(&self.name),
            _ => None,
        }
    }

    /// Cities and regions pin a noun trigger down; a whole country does not.
    pub fn is_local_place(&self) -> bool {
        matches!(self.class, EntityClass::Capital | EntityClass::Place)
    }
}

#[derive(Debug, Default)]
pub struct Gazetteer {
    /// First token → (pattern tokens, entity), longest pattern first.
    by_first_token: BTreeMap<String, Vec<(Vec<String>, Entity)>>,
    pub titles: BTreeSet<String>,
    pub not_names: BTreeSet<String>,
    /// Person → the country (or organisation) they act for.
    affiliation: BTreeMap<String, String>,
    folded_titles: BTreeSet<String>,
    settlement_words: BTreeSet<String>,
    region_words: BTreeSet<String>,
    name_particles: BTreeSet<String>,
    demonym_of: BTreeMap<String, String>,
    /// Canonical name → country, for every entry that has one (countries: themselves).
    country_of: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    #[serde(default)]
    countries: Vec<GazetteerEntry>,
    #[serde(default)]
    organisations: Vec<GazetteerEntry>,
    #[serde(default)]
    people: Vec<GazetteerEntry>,
    #[serde(default)]
    places: Vec<GazetteerEntry>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    not_names: Vec<String>,
    #[serde(default)]
    settlement_words: Vec<String>,
    #[serde(default)]
    region_words: Vec<String>,
    #[serde(default)]
    name_particles: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerEntry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    capital: Option<String>,
    country: Option<String>,
    /// Phrases that stand for this person, as written ("Putin's spokesman").
    #[serde(default)]
    roles: Vec<String>,
}

/// Case-sensitive pattern tokens, apostrophes made plain.
fn name_tokens(name: &str) -> Vec<String> {
    tokenize(name, 0)
        .iter()
        .map(|t| t.text.replace('’', "'"))
        .collect()
}

impl Gazetteer {
    fn parse(text: &str) -> Result<Self> {
        let file: GazetteerFile = parse_yaml("gazetteer.yaml", text)?;
        let mut gazetteer = Gazetteer::default();
        gazetteer.extend(file);
        for list in gazetteer.by_first_token.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        Ok(gazetteer)
    }

    /// Add a user's entries to these: theirs are tried first among names of the same
    /// length, so they can correct a built-in one.
    pub fn extend_with(&mut self, path: &Path, text: &str) -> Result<()> {
        if text.trim().is_empty() {
            return Err(Error::invalid(path, "empty gazetteer"));
        }
        let file: GazetteerFile =
            serde_yaml::from_str(text).map_err(|e| Error::yaml(path, &e, 0))?;
        let entries = [
            &file.countries,
            &file.organisations,
            &file.people,
            &file.places,
        ];
        if let Some(bad) = entries.iter().flat_map(|list| list.iter()).find(|e| {
            e.name.trim().is_empty()
                || e.aliases
                    .iter()
                    .chain(&e.roles)
                    .any(|a| a.trim().is_empty())
        }) {
            return Err(Error::invalid(
                path,
                format!("an entry has an empty name or alias (entry {:?})", bad.name),
            ));
        }
        let before: BTreeMap<String, usize> = self
            .by_first_token
            .iter()
            .map(|(k, v)| (k.clone(), v.len()))
            .collect();
        self.extend(file);
        for (first, list) in self.by_first_token.iter_mut() {
            let old = before.get(first).copied().unwrap_or(0);
            // Theirs were appended: move them ahead, then sort stably by length.
            list.rotate_left(old);
            list.sort_by_key(|entry| std::cmp::Reverse(entry.0.len()));
        }
        Ok(())
    }

    fn extend(&mut self, file: GazetteerFile) {
        self.titles.extend(file.titles);
        self.folded_titles = self.titles.iter().map(|t| fold(t)).collect();
        self.not_names.extend(file.not_names);
        self.settlement_words
            .extend(file.settlement_words.iter().map(|w| fold(w)));
        self.region_words
            .extend(file.region_words.iter().map(|w| fold(w)));
        self.name_particles
            .extend(file.name_particles.iter().map(|w| fold(w)));
        let groups = [
            (file.countries, EntityClass::Country),
            (file.organisations, EntityClass::Organisation),
            (file.people, EntityClass::Person),
            (file.places, EntityClass::Place),
        ];
        for (entries, class) in groups {
            for entry in entries {
                let main = Entity {
                    name: entry.name.clone(),
                    class,
                    country: entry.country.clone(),
                };
                for name in std::iter::once(&entry.name)
                    .chain(&entry.aliases)
                    .chain(&entry.roles)
                {
                    self.add(name, main.clone());
                }
                let country = match class {
                    EntityClass::Country => Some(&entry.name),
                    _ => entry.country.as_ref(),
                };
                if let Some(country) = country {
                    self.country_of.insert(entry.name.clone(), country.clone());
                }
                if let (EntityClass::Person, Some(country)) = (class, &entry.country) {
                    self.affiliation.insert(entry.name.clone(), country.clone());
                }
                let of_country = |class| Entity {
                    name: entry.name.clone(),
                    class,
                    country: Some(entry.name.clone()),
                };
                if let Some(first) = entry.demonyms.first() {
                    self.demonym_of.insert(entry.name.clone(), first.clone());
                }
                for demonym in &entry.demonyms {
                    self.add(demonym, of_country(EntityClass::Demonym));
                }
                if let Some(capital) = &entry.capital {
                    let capital_entity = Entity {
                        name: capital.clone(),
                        class: EntityClass::Capital,
                        country: Some(entry.name.clone()),
                    };
                    self.add(capital, capital_entity);
                    self.country_of.insert(capital.clone(), entry.name.clone());
                }
            }
        }
    }

    fn add(&mut self, name: &str, entity: Entity) {
        let tokens = name_tokens(name);
        if let Some(first) = tokens.first() {
            self.by_first_token
                .entry(first.clone())
                .or_default()
                .push((tokens, entity));
        }
    }

    /// The longest gazetteer name starting at token `i` of `texts`: (entity, tokens used).
    pub fn match_at(&self, texts: &[String], i: usize) -> Option<(&Entity, usize)> {
        let candidates = self.by_first_token.get(texts.get(i)?)?;
        candidates
            .iter()
            .find(|(pattern, _)| {
                pattern
                    .iter()
                    .enumerate()
                    .all(|(k, w)| texts.get(i + k) == Some(w))
            })
            .map(|(pattern, entity)| (entity, pattern.len()))
    }

    /// The country or organisation a known person acts for.
    pub fn affiliation(&self, person: &str) -> Option<&str> {
        self.affiliation.get(person).map(String::as_str)
    }

    /// "town" in "the town of Bara": a name after "of" is a place.
    pub fn is_settlement(&self, folded: &str) -> bool {
        self.settlement_words.contains(folded)
    }

    /// "al" in "Majed al-Ansari": a lowercase word inside a name.
    pub fn is_name_particle(&self, folded: &str) -> bool {
        self.name_particles.contains(folded)
    }

    /// "province" in "Sisaket province": the name before is a place.
    pub fn is_region(&self, folded: &str) -> bool {
        self.region_words.contains(folded)
    }

    /// How a country's people are called ("Russian"), for summaries.
    pub fn demonym_of(&self, country: &str) -> Option<&str> {
        self.demonym_of.get(country).map(String::as_str)
    }

    /// Is this (folded) word a title ("envoy", "minister")?
    pub fn is_title(&self, folded: &str) -> bool {
        self.folded_titles.contains(folded)
    }

    /// The country a named actor or place belongs to: a country is its own, a person
    /// or organisation the one they act for, a city the one it lies in.
    pub fn country_of(&self, name: &str) -> Option<&str> {
        self.country_of.get(name).map(String::as_str)
    }

    /// Is `word` a known name token (so not a stranger's name)?
    pub fn knows(&self, word: &str) -> bool {
        self.by_first_token.contains_key(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        let lexicon = Lexicon::builtin().unwrap();
        assert_eq!(lexicon.temporal.months["feb"], 2);
        assert_eq!(lexicon.temporal.weekdays["sunday"], 7);
        assert!(lexicon.events.triggers.len() > 100);
    }

    #[test]
    fn holiday_entries_that_make_no_day_are_refused_by_name() {
        for (entry, complaint) in [
            ("{chinese: [13, 1]}", "a chinese date is"),
            ("{hindu: {month: 7, tithi: 31}}", "a hindu day is"),
            ("{sankranti: {sign: 12}}", "sankranti's sign"),
            ("{solar_term: 20}", "a multiple of 15"),
            (
                "{fixed: [5, 25], weekday_before: mon, nearest_weekday: mon}",
                "at most one",
            ),
            ("{fixed: [3, 1], every: 0}", "every counts years"),
            ("{fixed: [3, 1], chinese: [1, 1]}", "exactly one"),
        ] {
            let text = format!("holidays:\n  - names: [test day]\n    date: {entry}\n");
            let mut lexicon = Lexicon::builtin().unwrap();
            let error = lexicon
                .temporal
                .load_holidays(&text)
                .unwrap_err()
                .to_string();
            assert!(
                error.contains("holidays.yaml") && error.contains("test day"),
                "{entry}: {error}"
            );
            assert!(error.contains(complaint), "{entry}: {error}");
        }
    }

    #[test]
    fn gazetteer_prefers_the_longest_name() {
        let lexicon = Lexicon::builtin().unwrap();
        let texts: Vec<String> = ["Kryvyi", "Rih", "and", "South", "Sudan"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (entity, used) = lexicon.gazetteer.match_at(&texts, 0).unwrap();
        assert_eq!((entity.name.as_str(), used), ("Kryvyi Rih", 2));
        let (entity, used) = lexicon.gazetteer.match_at(&texts, 3).unwrap();
        assert_eq!((entity.name.as_str(), used), ("South Sudan", 2));
    }

    #[test]
    fn demonyms_and_capitals_point_to_their_country() {
        let lexicon = Lexicon::builtin().unwrap();
        let texts = vec!["Russian".to_string(), "Moscow".to_string()];
        let (demonym, _) = lexicon.gazetteer.match_at(&texts, 0).unwrap();
        assert_eq!(demonym.actor(), Some("Russia"));
        assert_eq!(demonym.place(), None);
        let (capital, _) = lexicon.gazetteer.match_at(&texts, 1).unwrap();
        assert_eq!(capital.place(), Some("Moscow"));
        assert_eq!(capital.country.as_deref(), Some("Russia"));
    }

    #[test]
    fn every_trigger_and_phrase_is_non_empty() {
        let lexicon = Lexicon::builtin().unwrap();
        assert!(lexicon.events.triggers.iter().all(|t| !t.words.is_empty()));
        assert!(lexicon
            .temporal
            .future_markers
            .iter()
            .chain(&lexicon.temporal.before_common_era)
            .all(|m| !m.is_empty()));
    }
}
