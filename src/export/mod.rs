//! Exports of a timeline: YAML (the reviewed, committed form) and Graphviz DOT.

pub mod dot;
pub mod yaml;
