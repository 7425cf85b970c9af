//! Lists of sides (actors, counterparts) kept without repeats.

/// "US officials and a Russian envoy, Kirill Dmitriev": a person stands for the
/// country named beside them, which is dropped.
pub(super) fn drop_represented(
    sides: &mut Vec<String>,
    country_of: impl Fn(&str) -> Option<String>,
) {
    let represented: Vec<String> = sides
        .iter()
        .filter_map(|side| country_of(side).filter(|c| c != side))
        .collect();
    sides.retain(|side| !represented.contains(side));
}

pub(super) fn push_unique(list: &mut Vec<String>, item: String) {
    if !item.is_empty() && !list.contains(&item) {
        list.push(item);
    }
}
