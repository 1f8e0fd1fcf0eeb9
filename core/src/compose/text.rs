//! Fitting text into a limit without cutting a grapheme cluster: truncation and splitting.

use unicode_segmentation::UnicodeSegmentation;

use crate::limits::{Limit, Unit};

/// The length of `text` in the limit's unit.
pub(crate) fn measure(text: &str, limit: Limit) -> usize {
    match limit.unit {
        Unit::Chars => text.chars().count(),
        Unit::Bytes | Unit::Items => text.len(),
    }
}

/// Whether `text` fits `limit`.
pub(crate) fn fits(text: &str, limit: Limit) -> bool {
    measure(text, limit) <= limit.max
}

/// `text` cut to fit `limit` at a grapheme boundary, ending in `…` when cut.
pub(crate) fn truncate(text: &str, limit: Limit) -> String {
    if fits(text, limit) {
        return text.to_owned();
    }
    let ellipsis = "…";
    let room = limit.max.saturating_sub(measure(ellipsis, limit));
    let mut out = String::new();
    for grapheme in text.graphemes(true) {
        if measure(&out, limit) + measure(grapheme, limit) > room {
            break;
        }
        out.push_str(grapheme);
    }
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push_str(ellipsis);
    out
}

/// `text` in chunks that each fit `limit`; joined they give back `text` exactly.
///
/// A chunk ends after the last whitespace that fits (a newline preferred), else at the
/// last grapheme boundary that fits.
pub(crate) fn split(text: &str, limit: Limit) -> Vec<String> {
    let mut chunks = Vec::new();
    let mut rest = text;
    while !fits(rest, limit) {
        let cut = cut_point(rest, limit);
        chunks.push(rest[..cut].to_owned());
        rest = &rest[cut..];
    }
    if !rest.is_empty() || chunks.is_empty() {
        chunks.push(rest.to_owned());
    }
    merge_blank(chunks, limit)
}

/// Meta refuses whitespace-only text: a blank chunk joins its neighbour where it fits,
/// else it is left out (the caller reports that, comparing lengths).
fn merge_blank(chunks: Vec<String>, limit: Limit) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(chunks.len());
    let mut pending = String::new();
    for chunk in chunks {
        if !chunk.trim().is_empty() {
            let joined = format!("{pending}{chunk}");
            out.push(if fits(&joined, limit) { joined } else { chunk });
            pending.clear();
            continue;
        }
        match out.last_mut() {
            Some(last) if fits(&format!("{last}{chunk}"), limit) => last.push_str(&chunk),
            _ => pending.push_str(&chunk),
        }
    }
    out
}

/// Where to end the first chunk of `text` (a byte offset, never 0 for non-empty text).
fn cut_point(text: &str, limit: Limit) -> usize {
    let (mut used, mut end) = (0, 0);
    let (mut after_space, mut after_newline) = (None, None);
    for (offset, grapheme) in text.grapheme_indices(true) {
        let size = measure(grapheme, limit);
        if used + size > limit.max {
            break;
        }
        used += size;
        end = offset + grapheme.len();
        if grapheme.contains('\n') {
            after_newline = Some(end);
        } else if grapheme.chars().all(char::is_whitespace) {
            after_space = Some(end);
        }
    }
    if end == 0 {
        // A single grapheme larger than the limit: take it whole rather than loop forever.
        return text.graphemes(true).next().map_or(text.len(), str::len);
    }
    // Break at a newline or a space unless that leaves a very short chunk.
    let preferred = after_newline.or(after_space).filter(|at| *at * 2 >= end);
    preferred.unwrap_or(end)
}

/// The first line of `text`, and the rest after it (trimmed).
pub(crate) fn first_line(text: &str) -> (&str, &str) {
    match text.split_once('\n') {
        Some((first, rest)) => (first.trim(), rest.trim()),
        None => (text.trim(), ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limit;

    fn chars(max: usize) -> Limit {
        Limit {
            min: 0,
            max,
            unit: Unit::Chars,
        }
    }

    #[test]
    fn split_prefers_spaces_and_loses_nothing() {
        let text = "alpha beta gamma delta";
        let chunks = split(text, chars(11));
        assert_eq!(chunks, ["alpha beta ", "gamma delta"]);
        assert_eq!(chunks.concat(), text);
    }

    #[test]
    fn split_never_cuts_a_grapheme() {
        let family = "👨‍👩‍👧‍👦"; // seven scalar values, one grapheme
        let text = format!("ab{family}cd");
        let chunks = split(&text, chars(8));
        assert_eq!(chunks, ["ab", &format!("{family}c"), "d"].map(String::from));
        assert_eq!(chunks.concat(), text);
    }

    #[test]
    fn truncate_keeps_whole_graphemes_and_marks_the_cut() {
        assert_eq!(truncate("hello world", chars(8)), "hello w…");
        assert_eq!(truncate("short", chars(8)), "short");
        let accented = "e\u{301}e\u{301}e\u{301}"; // three graphemes, six scalars
        assert_eq!(truncate(accented, chars(5)), "e\u{301}e\u{301}…");
    }
}
