//! Temporal rules kept as data, the way HeidelTime keeps its patterns and Duckling its
//! rule files: each family file in this folder (`src/temporal/rules/`) lists token
//! patterns, what each one builds, and a corpus of examples that the tests walk.
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

mod build;
mod captures;
mod classes;
mod guards;
pub(super) mod scan;
pub(super) mod spec;

pub use captures::Captures;
pub use scan::RuleMatch;
pub use spec::{
    Args, Builder, FamilyFile, Guard, Rule, RuleExample, RuleSet, RuleSpec, TaggedApart,
    FAMILY_FILES,
};
