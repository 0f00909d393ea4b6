//! A lone article in another language than the rest shares no words with
//! its story; it joins the story holding at least three of its names.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::prepare::terms::TermId;

/// Names a lone foreign-language article must share with a story to join it.
pub const SHARED_NAMES: usize = 3;

/// A lone article in another language than the rest cannot be compared
/// word for word; it joins the story of two or more whose articles' terms
/// hold the most of its names, when they hold at least [`SHARED_NAMES`].
/// Keeps `groups` in order of their first member, members in order.
pub fn attach_foreign(
    groups: &mut Vec<Vec<usize>>,
    foreign: &[(u32, Vec<TermId>)],
    vectors: &[super::link::Vector],
) {
    if foreign.is_empty() {
        return;
    }
    let mut group_of = vec![0; vectors.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let lone: Vec<&(u32, Vec<TermId>)> = foreign
        .iter()
        .filter(|(article, _)| groups[group_of[*article as usize]].len() == 1)
        .collect();
    let wanted: FxHashSet<TermId> = lone
        .iter()
        .flat_map(|(_, names)| names.iter().copied())
        .collect();
    // Which stories of two or more carry each wanted name: one pass over
    // the vectors, however many lone articles there are.
    let mut carriers: FxHashMap<TermId, FxHashSet<usize>> = FxHashMap::default();
    for (article, vector) in vectors.iter().enumerate() {
        let g = group_of[article];
        if groups[g].len() < 2 {
            continue;
        }
        for &(t, _) in vector {
            if wanted.contains(&t) {
                carriers.entry(t).or_default().insert(g);
            }
        }
    }
    let mut moves = Vec::new();
    for (article, names) in lone {
        let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
        for story in names
            .iter()
            .flat_map(|t| carriers.get(t).into_iter().flatten())
        {
            *shared.entry(*story).or_default() += 1;
        }
        let best = shared
            .into_iter()
            .filter(|&(_, n)| n >= SHARED_NAMES)
            .max_by_key(|&(g, n)| (n, std::cmp::Reverse(g)));
        if let Some((g, _)) = best {
            moves.push((*article as usize, g));
        }
    }
    for (article, g) in moves {
        groups[group_of[article]].clear();
        groups[g].push(article);
    }
    groups.retain(|members| !members.is_empty());
    for members in groups.iter_mut() {
        members.sort_unstable();
    }
    groups.sort_by_key(|members| members[0]);
}
