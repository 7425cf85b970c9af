//! Exports of a timeline: YAML (the reviewed, committed form) and Graphviz DOT.

pub mod diff;
pub mod dot;
pub mod yaml;
