//! A Simple Temporal Network over event days.
//!
//! Each event is one unknown day `x`. What the articles say becomes difference
//! constraints: `lo ≤ x ≤ hi` (its date, its report's date) and
//! `min ≤ x_later − x_earlier ≤ max` (an ordering cue: "shortly after", "the day
//! before"). In the distance graph (an edge `a → b` of weight `w` for
//! `x_b − x_a ≤ w`) the tightest upper bounds are shortest paths from a virtual
//! origin, the tightest lower bounds shortest paths into it, and the constraints
//! contradict each other exactly when there is a negative cycle (Dechter, Meiri and
//! Pearl 1991).
//!
//! Propagation is a queue-based Bellman-Ford (label correcting) on a petgraph graph,
//! run per connected component: constraints in one article or one merged story never
//! pay for the rest of the corpus, and a cycle is detected after `size(component)`
//! relaxations along one path. A negative cycle is not an error: the weakest
//! constraint on it is set aside, the clash is reported with every constraint on the
//! cycle, and propagation goes on.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

/// Days since the start of the common era (chrono's `num_days_from_ce`).
pub type Day = i64;

/// Stands for "no bound": far beyond any calendar day, small enough never to overflow
/// when path weights are added to it.
const UNBOUNDED: Day = 1 << 40;

fn is_bounded(day: Day) -> bool {
    day.abs() < UNBOUNDED / 2
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Constraint {
    /// `lo ≤ x_node ≤ hi`.
    Within {
        node: usize,
        lo: Option<Day>,
        hi: Option<Day>,
    },
    /// `min ≤ x_later − x_earlier ≤ max`: the text puts `earlier` first, so on a
    /// shared day the order keeps it first too.
    Gap {
        earlier: usize,
        later: usize,
        min: Day,
        max: Option<Day>,
    },
}

/// Where an event should sit when the constraints leave it free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Its own date.
    Day(Day),
    /// As late as allowed: a past event reported as recent sits just before its report.
    Latest,
    /// As early as allowed: a planned event sits just after its announcement.
    Earliest,
}

/// Constraints that could not all hold: a negative cycle in the distance graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// Indices of the constraints on the cycle, ascending.
    pub constraints: Vec<usize>,
    /// The one set aside so that the rest hold: the weakest, the later on ties.
    pub set_aside: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// Tightest bounds per event; None = open.
    pub earliest: Vec<Option<Day>>,
    pub latest: Vec<Option<Day>>,
    /// A day per event that satisfies every constraint still in force, as near its
    /// target as they allow; None when nothing bounds it from above or below.
    pub placed: Vec<Option<Day>>,
    pub clashes: Vec<Clash>,
    /// Per constraint: still in force (false once set aside).
    pub in_force: Vec<bool>,
}

/// The distance graph: edge weight and the constraint it came from.
type Distances = DiGraph<(), (Day, u32), u32>;

struct Network<'c> {
    constraints: &'c [Constraint],
    strength: &'c [u8],
    graph: Distances,
    /// Per node, the `Within` constraints on it (CSR: `within[within_start[v]..within_start[v + 1]]`).
    within_start: Vec<u32>,
    within: Vec<u32>,
    in_force: Vec<bool>,
}

/// Solve the network: bounds, clashes, and a placement near each target.
/// `strength[c]` ranks constraint `c` when one of a clash must go (lowest goes first;
/// among equals, the later index).
pub fn solve(
    nodes: usize,
    constraints: &[Constraint],
    strength: &[u8],
    targets: &[Target],
) -> Solution {
    let mut network = Network::new(nodes, constraints, strength);
    let mut upper = vec![UNBOUNDED; nodes];
    let mut lower = vec![-UNBOUNDED; nodes];
    let mut clashes = Vec::new();
    let mut scratch = Scratch::new(nodes);
    let (members, starts) = network.components(nodes);
    for bounds in starts.windows(2) {
        let component = &members[bounds[0]..bounds[1]];
        if let [single] = *component {
            if network.graph.edges(NodeIndex::new(single)).next().is_none() {
                let (lo, hi) = network.solve_alone(single, &mut clashes);
                (lower[single], upper[single]) = (lo, hi);
                continue;
            }
        }
        loop {
            let cycles = network.upper_bounds(component, &mut upper, &mut scratch);
            if cycles.is_empty() {
                break;
            }
            for cycle in cycles {
                // Cycles found together may share a culprit already set aside.
                if cycle.iter().all(|&c| network.in_force[c]) {
                    clashes.push(network.set_aside(cycle));
                }
            }
        }
        network.lower_bounds(component, &mut lower, &mut scratch);
    }
    // The greatest solution below each target is a solution (the feasible set is
    // closed under min), so one more pass from the targets gives the placement.
    let mut placed: Vec<Day> = (0..nodes)
        .map(|v| {
            let wish = match targets.get(v) {
                Some(Target::Day(day)) => *day,
                Some(Target::Earliest) if is_bounded(lower[v]) => lower[v],
                _ => upper[v],
            };
            wish.max(lower[v]).min(upper[v])
        })
        .collect();
    let all: Vec<usize> = (0..nodes).collect();
    network.relax_forward(&all, &mut placed, &mut scratch, false);
    clashes.sort_by(|a, b| a.constraints.cmp(&b.constraints));
    let bounded = |d: Day| is_bounded(d).then_some(d);
    Solution {
        earliest: lower.iter().map(|&d| bounded(d)).collect(),
        latest: upper.iter().map(|&d| bounded(d)).collect(),
        placed: placed.iter().map(|&d| bounded(d)).collect(),
        clashes,
        in_force: network.in_force,
    }
}

/// Per-node working arrays, reused across components.
struct Scratch {
    /// How the label was last lowered: (from node, constraint), or None = own bound.
    predecessor: Vec<Option<(u32, u32)>>,
    queued: Vec<bool>,
    queue: VecDeque<usize>,
    /// Which walk of the predecessor graph last passed here.
    seen: Vec<u64>,
    walks: u64,
}

impl Scratch {
    fn new(nodes: usize) -> Scratch {
        Scratch {
            predecessor: vec![None; nodes],
            queued: vec![false; nodes],
            queue: VecDeque::new(),
            seen: vec![0; nodes],
            walks: 0,
        }
    }
}

impl<'c> Network<'c> {
    fn new(nodes: usize, constraints: &'c [Constraint], strength: &'c [u8]) -> Network<'c> {
        let gaps = constraints
            .iter()
            .filter(|c| matches!(c, Constraint::Gap { .. }))
            .count();
        let mut graph = Distances::with_capacity(nodes, 2 * gaps);
        for _ in 0..nodes {
            graph.add_node(());
        }
        let mut counts = vec![0u32; nodes + 1];
        for (index, constraint) in constraints.iter().enumerate() {
            let index = index as u32;
            match *constraint {
                Constraint::Within { node, .. } => counts[node + 1] += 1,
                Constraint::Gap {
                    earlier,
                    later,
                    min,
                    max,
                } => {
                    let (a, b) = (NodeIndex::new(earlier), NodeIndex::new(later));
                    if let Some(max) = max {
                        graph.add_edge(a, b, (max, index));
                    }
                    graph.add_edge(b, a, (-min, index));
                }
            }
        }
        for v in 0..nodes {
            counts[v + 1] += counts[v];
        }
        let within_start = counts.clone();
        let mut within = vec![0u32; within_start[nodes] as usize];
        let mut fill = counts;
        for (index, constraint) in constraints.iter().enumerate() {
            if let Constraint::Within { node, .. } = *constraint {
                within[fill[node] as usize] = index as u32;
                fill[node] += 1;
            }
        }
        Network {
            constraints,
            strength,
            graph,
            within_start,
            within,
            in_force: vec![true; constraints.len()],
        }
    }

    /// Nodes linked by gap constraints: all nodes grouped by component (ascending
    /// within each), and where each component starts (one past the end last).
    fn components(&self, nodes: usize) -> (Vec<usize>, Vec<usize>) {
        let mut sets = UnionFind::<u32>::new(nodes);
        for constraint in self.constraints {
            if let Constraint::Gap { earlier, later, .. } = *constraint {
                sets.union(earlier as u32, later as u32);
            }
        }
        let labels = sets.into_labeling();
        // Counting sort by label: no allocation per component.
        let mut offsets = vec![0usize; nodes + 1];
        for &label in &labels {
            offsets[label as usize + 1] += 1;
        }
        for i in 0..nodes {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut members = vec![0usize; nodes];
        for (v, &label) in labels.iter().enumerate() {
            members[fill[label as usize]] = v;
            fill[label as usize] += 1;
        }
        let mut starts: Vec<usize> = offsets[..nodes].to_vec();
        starts.dedup();
        starts.push(nodes);
        if nodes == 0 {
            starts = vec![0];
        }
        (members, starts)
    }

    /// A node no gap constraint touches: its bounds are its own; a lower above an
    /// upper clashes, and the weaker goes until they agree.
    fn solve_alone(&mut self, v: usize, clashes: &mut Vec<Clash>) -> (Day, Day) {
        loop {
            let (hi, hi_constraint) = self.own_upper(v);
            let (lo, lo_constraint) = self.own_lower(v);
            if lo <= hi {
                return (lo, hi);
            }
            let cycle: Vec<usize> = lo_constraint.into_iter().chain(hi_constraint).collect();
            clashes.push(self.set_aside(cycle));
        }
    }

    fn withins(&self, v: usize) -> impl Iterator<Item = (usize, Option<Day>, Option<Day>)> + '_ {
        let range = self.within_start[v] as usize..self.within_start[v + 1] as usize;
        self.within[range].iter().filter_map(move |&c| {
            let c = c as usize;
            match self.constraints[c] {
                Constraint::Within { lo, hi, .. } if self.in_force[c] => Some((c, lo, hi)),
                _ => None,
            }
        })
    }

    /// The node's own tightest upper bound and the constraint giving it.
    fn own_upper(&self, v: usize) -> (Day, Option<usize>) {
        self.withins(v)
            .filter_map(|(c, _, hi)| hi.map(|h| (h, Some(c))))
            .min()
            .unwrap_or((UNBOUNDED, None))
    }

    fn own_lower(&self, v: usize) -> (Day, Option<usize>) {
        self.withins(v)
            .filter_map(|(c, lo, _)| lo.map(|l| (l, Reverse(c))))
            .max()
            .map_or((-UNBOUNDED, None), |(l, Reverse(c))| (l, Some(c)))
    }

    /// Shortest paths from the virtual origin over one component. Returns the
    /// constraints of the negative cycles found (none when the component is
    /// consistent).
    fn upper_bounds(
        &self,
        component: &[usize],
        upper: &mut [Day],
        scratch: &mut Scratch,
    ) -> Vec<Vec<usize>> {
        for &v in component {
            upper[v] = self.own_upper(v).0;
        }
        let cycles = self.relax_forward(component, upper, scratch, true);
        if !cycles.is_empty() {
            return cycles;
        }
        // Cycles through the origin: a lower bound above the propagated upper one.
        let mut found = Vec::new();
        for &v in component {
            let (lo, lo_constraint) = self.own_lower(v);
            if lo <= upper[v] {
                continue;
            }
            let mut cycle: Vec<usize> = lo_constraint.into_iter().collect();
            let mut at = v;
            let mut steps = 0;
            while let Some((from, constraint)) = scratch.predecessor[at] {
                cycle.push(constraint as usize);
                at = from as usize;
                steps += 1;
                if steps > component.len() {
                    break;
                }
            }
            cycle.extend(self.own_upper(at).1);
            found.push(cycle);
        }
        found
    }

    /// Label-correcting relaxation along the distance graph's edges, starting from
    /// the labels given. With `detect`, the predecessor graph is searched for cycles
    /// after every `component.len()` relaxations (any cycle in it is negative, and
    /// one forms soon after relaxation starts going round a negative cycle), which
    /// keeps detection linear; the cycles found are returned.
    fn relax_forward(
        &self,
        component: &[usize],
        labels: &mut [Day],
        scratch: &mut Scratch,
        detect: bool,
    ) -> Vec<Vec<usize>> {
        let mut queue = std::mem::take(&mut scratch.queue);
        queue.clear();
        for &v in component {
            scratch.predecessor[v] = None;
            scratch.queued[v] = true;
            queue.push_back(v);
        }
        let period = component.len().max(16);
        let mut relaxations = 0usize;
        while let Some(u) = queue.pop_front() {
            scratch.queued[u] = false;
            for edge in self.graph.edges(NodeIndex::new(u)) {
                let (weight, constraint) = *edge.weight();
                if !self.in_force[constraint as usize] {
                    continue;
                }
                let w = edge.target().index();
                let candidate = labels[u] + weight;
                if candidate >= labels[w] {
                    continue;
                }
                labels[w] = candidate;
                scratch.predecessor[w] = Some((u as u32, constraint));
                relaxations += 1;
                if detect && relaxations % period == 0 {
                    let cycles = predecessor_cycles(component, scratch);
                    if !cycles.is_empty() {
                        for &v in component {
                            scratch.queued[v] = false;
                        }
                        scratch.queue = queue;
                        return cycles;
                    }
                }
                if !scratch.queued[w] {
                    scratch.queued[w] = true;
                    queue.push_back(w);
                }
            }
        }
        scratch.queue = queue;
        Vec::new()
    }

    /// Tightest lower bounds: shortest paths into the origin, along reversed edges.
    /// Called once the component has no negative cycle, so it terminates.
    fn lower_bounds(&self, component: &[usize], lower: &mut [Day], scratch: &mut Scratch) {
        let mut queue = std::mem::take(&mut scratch.queue);
        queue.clear();
        for &v in component {
            lower[v] = self.own_lower(v).0;
            scratch.queued[v] = true;
            queue.push_back(v);
        }
        while let Some(v) = queue.pop_front() {
            scratch.queued[v] = false;
            for edge in self
                .graph
                .edges_directed(NodeIndex::new(v), Direction::Incoming)
            {
                let (weight, constraint) = *edge.weight();
                if !self.in_force[constraint as usize] {
                    continue;
                }
                // x_v − x_u ≤ w, so x_u ≥ x_v − w.
                let u = edge.source().index();
                let candidate = lower[v] - weight;
                if candidate > lower[u] {
                    lower[u] = candidate;
                    if !scratch.queued[u] {
                        scratch.queued[u] = true;
                        queue.push_back(u);
                    }
                }
            }
        }
        scratch.queue = queue;
    }

    fn set_aside(&mut self, mut cycle: Vec<usize>) -> Clash {
        cycle.sort_unstable();
        cycle.dedup();
        let weakest = cycle
            .iter()
            .copied()
            .min_by_key(|&c| (self.strength.get(c).copied().unwrap_or(0), Reverse(c)))
            .unwrap_or(0);
        if let Some(flag) = self.in_force.get_mut(weakest) {
            *flag = false;
        }
        Clash {
            constraints: cycle,
            set_aside: weakest,
        }
    }
}

/// Every cycle of the predecessor graph over `component`, as constraint lists: one
/// walk per node, each stopping where an earlier walk passed (linear time).
fn predecessor_cycles(component: &[usize], scratch: &mut Scratch) -> Vec<Vec<usize>> {
    let first_walk = scratch.walks + 1;
    let mut cycles = Vec::new();
    for &start in component {
        if scratch.seen[start] >= first_walk {
            continue;
        }
        scratch.walks += 1;
        let walk = scratch.walks;
        let mut at = start;
        loop {
            if scratch.seen[at] == walk {
                // Back on this walk's own path: `at` is on a cycle.
                let entry = at;
                let mut cycle = Vec::new();
                while let Some((from, constraint)) = scratch.predecessor[at] {
                    cycle.push(constraint as usize);
                    at = from as usize;
                    if at == entry {
                        break;
                    }
                }
                cycles.push(cycle);
                break;
            }
            if scratch.seen[at] >= first_walk {
                break;
            }
            scratch.seen[at] = walk;
            match scratch.predecessor[at] {
                Some((from, _)) => at = from as usize,
                None => break,
            }
        }
    }
    cycles
}

/// One total order of the events consistent with every constraint in force: by
/// placed day, then, on a shared day, the text's own order (gap constraints whose
/// ends share the day), then `key`. Unplaced events go last.
pub fn order<K: Ord + Clone>(
    solution: &Solution,
    constraints: &[Constraint],
    keys: &[K],
) -> Vec<usize> {
    let nodes = keys.len();
    let day = |v: usize| solution.placed[v].unwrap_or(Day::MAX);
    let mut sorted: Vec<usize> = (0..nodes).collect();
    sorted.sort_by(|&a, &b| (day(a), &keys[a], a).cmp(&(day(b), &keys[b], b)));
    // Precedences among events placed on the same day.
    let mut successors: Vec<Vec<usize>> = Vec::new();
    let mut slot: Vec<u32> = vec![u32::MAX; nodes];
    let mut indegree: Vec<u32> = Vec::new();
    for (index, constraint) in constraints.iter().enumerate() {
        if let Constraint::Gap { earlier, later, .. } = *constraint {
            if !solution.in_force[index] || earlier == later || day(earlier) != day(later) {
                continue;
            }
            for v in [earlier, later] {
                if slot[v] == u32::MAX {
                    slot[v] = successors.len() as u32;
                    successors.push(Vec::new());
                    indegree.push(0);
                }
            }
            successors[slot[earlier] as usize].push(later);
            indegree[slot[later] as usize] += 1;
        }
    }
    if successors.is_empty() {
        return sorted;
    }
    let mut out = Vec::with_capacity(nodes);
    let mut local = vec![u32::MAX; nodes];
    let mut start = 0;
    while start < nodes {
        let this_day = day(sorted[start]);
        let end = start + sorted[start..].partition_point(|&v| day(v) == this_day);
        let group = &sorted[start..end];
        if group.iter().all(|&v| slot[v] == u32::MAX) {
            out.extend_from_slice(group);
        } else {
            for (at, &v) in group.iter().enumerate() {
                local[v] = at as u32;
            }
            let day_order = Precedence {
                slot: &slot,
                successors: &successors,
                local: &local,
            };
            day_order.topological(group, &mut indegree, keys, &mut out);
        }
        start = end;
    }
    out
}

/// The text's "X after Y" among events placed on one day.
struct Precedence<'a> {
    slot: &'a [u32],
    successors: &'a [Vec<usize>],
    /// Position of each event of the day being ordered within its group.
    local: &'a [u32],
}

impl Precedence<'_> {
    fn waiting(&self, v: usize, indegree: &[u32]) -> bool {
        self.slot[v] != u32::MAX && indegree[self.slot[v] as usize] > 0
    }

    /// Kahn's algorithm, smallest key first among those ready. A cycle of "after"s on
    /// one day (which the day arithmetic allows) is broken at its smallest key.
    fn topological<K: Ord + Clone>(
        &self,
        group: &[usize],
        indegree: &mut [u32],
        keys: &[K],
        out: &mut Vec<usize>,
    ) {
        let mut ready: BinaryHeap<Reverse<(K, usize)>> = group
            .iter()
            .filter(|&&v| !self.waiting(v, indegree))
            .map(|&v| Reverse((keys[v].clone(), v)))
            .collect();
        let mut done = vec![false; group.len()];
        let mut placed = 0;
        // Where to look for the smallest event left when only cycles remain.
        let mut next_unplaced = 0;
        while placed < group.len() {
            let v = match ready.pop() {
                Some(Reverse((_, v))) => v,
                None => {
                    while next_unplaced < group.len() && done[next_unplaced] {
                        next_unplaced += 1;
                    }
                    let Some(&v) = group.get(next_unplaced) else {
                        break;
                    };
                    v
                }
            };
            let at = self.local[v] as usize;
            if done[at] {
                continue;
            }
            done[at] = true;
            placed += 1;
            out.push(v);
            if self.slot[v] == u32::MAX {
                continue;
            }
            for &next in &self.successors[self.slot[v] as usize] {
                let s = self.slot[next] as usize;
                if indegree[s] == 0 {
                    continue;
                }
                indegree[s] -= 1;
                if indegree[s] == 0 && !done[self.local[next] as usize] {
                    ready.push(Reverse((keys[next].clone(), next)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn within(node: usize, lo: Option<Day>, hi: Option<Day>) -> Constraint {
        Constraint::Within { node, lo, hi }
    }

    fn gap(earlier: usize, later: usize, min: Day, max: Option<Day>) -> Constraint {
        Constraint::Gap {
            earlier,
            later,
            min,
            max,
        }
    }

    #[test]
    fn an_undated_event_gets_the_bounds_of_its_cues() {
        // 0 on day 10; 1 came "shortly after" 0 (0–2 days) and not after day 11.
        let constraints = [
            within(0, Some(10), Some(10)),
            within(1, None, Some(11)),
            gap(0, 1, 0, Some(2)),
        ];
        let s = solve(
            2,
            &constraints,
            &[3, 3, 1],
            &[Target::Day(10), Target::Latest],
        );
        assert_eq!(s.earliest, vec![Some(10), Some(10)]);
        assert_eq!(s.latest, vec![Some(10), Some(11)]);
        assert_eq!(s.placed, vec![Some(10), Some(11)]);
        assert!(s.clashes.is_empty());
    }

    #[test]
    fn chains_propagate_both_ways() {
        // 0 ≤ day 20; 1 at least a day after 0; 2 at least a day after 1; 2 ≥ day 5.
        let constraints = [
            within(0, None, Some(20)),
            within(2, Some(5), None),
            gap(0, 1, 1, None),
            gap(1, 2, 1, None),
        ];
        let s = solve(3, &constraints, &[3; 4], &[Target::Latest; 3]);
        assert_eq!(s.latest, vec![Some(20), None, None]);
        assert_eq!(s.earliest, vec![None, None, Some(5)]);
        let constraints = [
            within(0, None, Some(20)),
            within(2, None, Some(22)),
            gap(0, 1, 1, None),
            gap(1, 2, 1, None),
        ];
        let s = solve(3, &constraints, &[3; 4], &[Target::Latest; 3]);
        assert_eq!(s.latest, vec![Some(20), Some(21), Some(22)]);
        assert_eq!(s.placed, vec![Some(20), Some(21), Some(22)]);
    }

    #[test]
    fn a_contradiction_sets_aside_the_weakest_and_reports_the_cycle() {
        // 0 on day 5, 1 on day 6, but 0 "hours after" 1.
        let constraints = [
            within(0, Some(5), Some(5)),
            within(1, Some(6), Some(6)),
            gap(1, 0, 0, Some(1)),
        ];
        let s = solve(
            2,
            &constraints,
            &[3, 3, 1],
            &[Target::Day(5), Target::Day(6)],
        );
        assert_eq!(
            s.clashes,
            vec![Clash {
                constraints: vec![0, 1, 2],
                set_aside: 2
            }]
        );
        assert_eq!(s.in_force, vec![true, true, false]);
        assert_eq!(s.placed, vec![Some(5), Some(6)]);
    }

    #[test]
    fn a_cycle_of_orders_with_no_dates_is_found() {
        let constraints = [gap(0, 1, 1, None), gap(1, 2, 1, None), gap(2, 0, 1, None)];
        let s = solve(3, &constraints, &[1; 3], &[Target::Latest; 3]);
        assert_eq!(s.clashes.len(), 1);
        assert_eq!(s.clashes[0].constraints, vec![0, 1, 2]);
        assert_eq!(s.clashes[0].set_aside, 2);
    }

    #[test]
    fn two_dates_for_one_event_clash() {
        let constraints = [within(0, Some(3), Some(3)), within(0, Some(5), Some(5))];
        let s = solve(1, &constraints, &[3, 2], &[Target::Day(3)]);
        assert_eq!(s.clashes[0].set_aside, 1);
        assert_eq!((s.earliest[0], s.latest[0]), (Some(3), Some(3)));
    }

    #[test]
    fn order_follows_days_then_the_text_then_keys() {
        // All on day 7; the text says 2 before 0.
        let constraints = [
            within(0, Some(7), Some(7)),
            within(1, Some(7), Some(7)),
            within(2, Some(7), Some(7)),
            within(3, Some(1), Some(1)),
            gap(2, 0, 0, None),
        ];
        let s = solve(4, &constraints, &[1; 5], &[Target::Latest; 4]);
        assert_eq!(
            order(&s, &constraints, &["a", "b", "c", "d"]),
            vec![3, 1, 2, 0]
        );
    }
}
