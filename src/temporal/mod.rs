//! Temporal expressions: recognise them in a sentence's tokens with the rules kept as
//! data under `src/temporal/rules/` (no anchor needed), then resolve each against the
//! publication date in the direction the sentence's tense gives. Values follow TimeML
//! (TIMEX3 type and value); precision is kept: "last week" is a week, "last month" a
//! month, "over the weekend" two days.

mod anchoring;
pub mod astronomy;
mod calendar;
pub mod holidays;
mod lexicon;
mod mention;
mod pattern;
mod reading;
mod resolve;
pub mod rules;
mod tag;
mod tense;
mod value;

pub use anchoring::{AnchorChoice, Anchoring};
pub use lexicon::TemporalLexicon;
pub use mention::{recognize, recognize_folded, Mention};
pub use pattern::{
    Context, DayPart, Deixis, Direction, Modifier, Part, Pattern, RefKind, Season, TimexType, Unit,
};
pub use reading::{read_sentence, AnchorSource, Reading, Resolver};
pub use resolve::Resolved;
pub use rules::RuleSet;
pub use tag::{tag, tag_document, tag_text, tag_text_leaning, TaggedText, Timex, TimexPart};
pub use tense::{direction_of, names_past_event, tense_at, tense_of};
pub use value::{last_day_of_month, ParseWhenError, When};
