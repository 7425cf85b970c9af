//! The temporal lexicon, kept as data (`src/temporal/lexicon/temporal.yaml`, with the
//! named days of `holidays.yaml`), compiled into the binary and parsed at start-up:
//! month and weekday names, number words, units, and the cue words the tense and
//! direction rules read. Its example corpus is `src/temporal/lexicon/examples/`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::anchoring::Anchoring;
use super::holidays::{simplified_name, Holiday, HolidayFile};
use super::pattern::{DayPart, Deixis, Modifier, Season, Unit};
use super::rules::spec::{Class, RuleSet};
use crate::error::{Error, Result};
use crate::hash::{WordMap, WordSet};
use crate::io::parse_builtin_yaml;
use crate::text::{fold, phrase, phrase_at};

const TEMPORAL_YAML: &str = include_str!("lexicon/temporal.yaml");
const HOLIDAYS_YAML: &str = include_str!("lexicon/holidays.yaml");

/// Words back from an infinitive's "to" that a past-tense verb it serves may stand
/// ("visited Washington on Friday to meet").
const PURPOSE_REACH: usize = 8;

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
    /// What relative expressions count from: the publication date, the time the
    /// text has reached, or whichever the document reads as (`--anchor`).
    pub anchoring: Anchoring,
    /// Number pairs with a slash that are no date ("24/7").
    pub numeric_idioms: WordSet,
    /// Words that may follow a date that stands alone ("on the 15th and ...").
    pub date_conjunctions: WordSet,
    pub date_prepositions: WordSet,
    /// The prepositions a mention's phrase takes in with it ("on Tuesday").
    pub phrase_prepositions: WordSet,
    /// What joins the two ends of a range TimeML tags apart ("Monday to Wednesday").
    pub range_links: WordSet,
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
    pub relations: WordMap<Deixis>,
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
    /// "noon", "midnight": the hour a clock time said in words names.
    pub clock_words: WordMap<u32>,
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
    /// Future markers that stand before a noun as adjectives ("the much-anticipated
    /// summit"): they say an event was awaited, not that it is still to come.
    pub awaiting_adjectives: WordSet,
    pub before_common_era: Vec<Vec<String>>,
    pub past_tense_irregular: WordSet,
    pub past_tense_not: WordSet,
    pub year_determiners: WordSet,
    /// Verbs a year can be the subject of ("1987 saw ..."): `year_subject_verbs`.
    pub year_subject_verbs: WordSet,
    /// "about", "around": before a year that ends its phrase ("by about 1910.").
    pub approximate_words: WordSet,
    pub time_zones: WordSet,
    /// Words before "the day" that close a day's account ("ended the day").
    pub day_closing_words: WordSet,
    /// Words between a length of time and the day it runs to ("six months, to
    /// July 29"): that day lies about that far from publication.
    pub period_end_words: WordSet,
    /// Words joining a date without a year to one with it, which then shares that
    /// year ("August and September 1914").
    pub year_sharing_links: WordSet,
    /// Zones at Coordinated Universal Time ("UTC", "GMT"): TimeML's `Z`.
    pub universal_time_zones: WordSet,
    pub passive_auxiliaries: WordSet,
    pub determiners: WordSet,
    pub past_event_nouns: WordSet,
    pub dated_heads: WordSet,
    pub deadline_heads: WordSet,
    pub deadline_setting_verbs: WordSet,
    /// Words that end a stretch at the date after them ("closed until Friday").
    pub stretch_ends: WordSet,
    pub progressive_auxiliaries: WordSet,
    pub superseded_plan_words: WordSet,
    pub clause_openers: WordSet,
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
    /// "in February", "on March 3": a past event happened on the date they introduce.
    pub occurrence_prepositions: WordSet,
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
    /// Word → the rule classes it may belong to (see `index_word_classes`).
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
    phrase_prepositions: Vec<String>,
    range_links: Vec<String>,
    linking_prepositions: Vec<String>,
    day_prepositions: Vec<String>,
    ambiguous_seasons: Vec<String>,
    verb_modifiers: Vec<String>,
    relative_days: BTreeMap<String, i64>,
    relations: BTreeMap<String, Deixis>,
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
    clock_words: BTreeMap<String, u32>,
    modifiers: BTreeMap<String, Modifier>,
    past_tense_irregular: Vec<String>,
    past_tense_not: Vec<String>,
    year_determiners: Vec<String>,
    year_subject_verbs: Vec<String>,
    approximate_words: Vec<String>,
    time_zones: Vec<String>,
    universal_time_zones: Vec<String>,
    period_end_words: Vec<String>,
    year_sharing_links: Vec<String>,
    day_closing_words: Vec<String>,
    passive_auxiliaries: Vec<String>,
    determiners: Vec<String>,
    past_event_nouns: Vec<String>,
    dated_heads: Vec<String>,
    deadline_heads: Vec<String>,
    deadline_setting_verbs: Vec<String>,
    #[serde(default)]
    stretch_ends: Vec<String>,
    progressive_auxiliaries: Vec<String>,
    superseded_plan_words: Vec<String>,
    clause_openers: Vec<String>,
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
    occurrence_prepositions: Vec<String>,
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
    awaiting_adjectives: Vec<String>,
    before_common_era: Vec<String>,
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
    /// The temporal lexicon shipped with dateline, with its rules and holidays.
    pub fn builtin() -> Result<Self> {
        Self::parse(TEMPORAL_YAML)
    }

    fn parse(text: &str) -> Result<Self> {
        let file: TemporalFile = parse_builtin_yaml("temporal.yaml", text)?;
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
            anchoring: Anchoring::default(),
            numeric_idioms: file.numeric_idioms.into_iter().collect(),
            date_conjunctions: set(file.date_conjunctions),
            date_prepositions: set(file.date_prepositions),
            phrase_prepositions: set(file.phrase_prepositions),
            range_links: set(file.range_links),
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
            clock_words: file.clock_words.into_iter().collect(),
            modifiers: file.modifiers.into_iter().collect(),
            holidays: Vec::new(),
            holiday_names: Default::default(),
            region: None,
            future_markers: file.future_markers.iter().map(|m| phrase(m)).collect(),
            awaiting_adjectives: set(file.awaiting_adjectives),
            before_common_era: file.before_common_era.iter().map(|m| phrase(m)).collect(),
            past_tense_irregular: set(file.past_tense_irregular),
            past_tense_not: set(file.past_tense_not),
            year_determiners: set(file.year_determiners),
            year_subject_verbs: set(file.year_subject_verbs),
            approximate_words: set(file.approximate_words),
            time_zones: set(file.time_zones),
            universal_time_zones: set(file.universal_time_zones),
            period_end_words: set(file.period_end_words),
            year_sharing_links: set(file.year_sharing_links),
            day_closing_words: set(file.day_closing_words),
            passive_auxiliaries: set(file.passive_auxiliaries),
            determiners: set(file.determiners),
            past_event_nouns: set(file.past_event_nouns),
            dated_heads: set(file.dated_heads),
            deadline_heads: set(file.deadline_heads),
            stretch_ends: set(file.stretch_ends),
            deadline_setting_verbs: set(file.deadline_setting_verbs),
            progressive_auxiliaries: set(file.progressive_auxiliaries),
            superseded_plan_words: set(file.superseded_plan_words),
            clause_openers: set(file.clause_openers),
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
            occurrence_prepositions: set(file.occurrence_prepositions),
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
        lexicon.load_holidays(HOLIDAYS_YAML)?;
        lexicon.word_classes = lexicon.index_word_classes();
        Ok(lexicon)
    }

    fn load_holidays(&mut self, text: &str) -> Result<()> {
        let file: HolidayFile = parse_builtin_yaml("holidays.yaml", text)?;
        for entry in file.holidays {
            let index = self.holidays.len();
            let mut forms = BTreeSet::new();
            for name in &entry.names {
                let tokens: Vec<String> = crate::text::tokenize(name, 0)
                    .iter()
                    .map(|t| fold(t.text))
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

    /// For every word a class's lexicon lists, the classes it may belong to (a bit set),
    /// so that the scanner tries only the rules that can start at a token.
    fn index_word_classes(&self) -> WordMap<u32> {
        let lex = self;
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
        add(lex.relations.keys().collect(), Class::Deixis);
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
        add(lex.clock_words.keys().collect(), Class::Clock);
        map
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
            && !(folded[i] == "to" && self.purpose_of_past_verb(folded, i))
    }

    /// "visited Washington on Friday to meet Aliyev": an infinitive of purpose after
    /// a past-tense verb and its complements happened with that verb; only a
    /// headline's infinitive ("Putin to meet envoy") or one a verb takes as its
    /// object ("agreed to meet", right after it) is a plan.
    fn purpose_of_past_verb(&self, folded: &[String], to: usize) -> bool {
        (to.saturating_sub(PURPOSE_REACH)..to.saturating_sub(1))
            .rev()
            .take_while(|&k| {
                !matches!(
                    folded[k].as_str(),
                    "," | ";" | ":" | "." | "\"" | "\u{201c}" | "\u{201d}" | "that"
                )
            })
            .any(|k| {
                // An auxiliary is no verb of its own ("had agreed to meet").
                !matches!(folded[k].as_str(), "had" | "was" | "were" | "did")
                    && self.is_past_tense(&folded[k])
            })
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

    /// Is this folded word a month or a day of the week ("june", "tuesday")?
    pub fn names_month_or_weekday(&self, word: &str) -> bool {
        self.months.contains_key(word) || self.weekday(word).is_some()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses() {
        let lexicon = TemporalLexicon::builtin().unwrap();
        assert_eq!(lexicon.months["feb"], 2);
        assert_eq!(lexicon.weekdays["sunday"], 7);
        assert!(lexicon
            .future_markers
            .iter()
            .chain(&lexicon.before_common_era)
            .all(|m| !m.is_empty()));
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
            let mut lexicon = TemporalLexicon::builtin().unwrap();
            let error = lexicon.load_holidays(&text).unwrap_err().to_string();
            assert!(
                error.contains("holidays.yaml") && error.contains("test day"),
                "{entry}: {error}"
            );
            assert!(error.contains(complaint), "{entry}: {error}");
        }
    }
}
