//! A body that is not all UTF-8: read with `?` for each bad byte (offsets kept), so an
//! item holding one becomes an `invalid_utf8` error of its own and its siblings parse.

use std::cell::RefCell;

use serde_json::value::RawValue;

use crate::error::{Error, ErrorKind, Result};

/// Where a body's bytes were not UTF-8, as offsets into the text read in their place (each
/// such byte a `?`): an item holding one is an `invalid_utf8` error of its own, and its
/// siblings parse; one outside every item refuses the body, as before.
pub(crate) struct Unreadable {
    base: usize,
    offsets: Vec<usize>,
    inside_items: RefCell<Vec<bool>>,
    first: Option<usize>,
}

impl Unreadable {
    /// No unreadable byte.
    #[cfg(test)]
    pub(crate) fn none() -> Self {
        Self::at(0, Vec::new())
    }

    /// `offsets` (ascending) into the text starting at address `base`.
    pub(crate) fn at(base: usize, offsets: Vec<usize>) -> Self {
        Self {
            base,
            first: offsets.first().copied(),
            inside_items: RefCell::new(vec![false; offsets.len()]),
            offsets,
        }
    }

    /// The first unreadable offset within `raw` (an item of the text), marked as placed.
    pub(crate) fn within(&self, raw: &RawValue) -> Option<usize> {
        if self.offsets.is_empty() {
            return None;
        }
        let start = (raw.get().as_ptr() as usize).wrapping_sub(self.base);
        let end = start + raw.get().len();
        let from = self.offsets.partition_point(|&o| o < start);
        let until = self.offsets.partition_point(|&o| o < end);
        let mut placed = self.inside_items.borrow_mut();
        placed[from..until].iter_mut().for_each(|p| *p = true);
        (from < until).then(|| self.offsets[from])
    }

    pub(crate) fn first_error(&self) -> Option<Error> {
        self.first
            .map(|offset| Error::new(ErrorKind::InvalidUtf8 { offset }))
    }

    pub(crate) fn all_within_items(&self) -> Result<()> {
        match self.first {
            Some(offset) if !self.inside_items.borrow().iter().all(|p| *p) => {
                Err(Error::new(ErrorKind::InvalidUtf8 { offset }))
            }
            _ => Ok(()),
        }
    }
}

/// `body` with each byte that is not UTF-8 read as `?` (so offsets stay put), and where
/// those bytes were.
pub(crate) fn readable(body: &[u8]) -> (std::borrow::Cow<'_, str>, Vec<usize>) {
    let mut text = String::with_capacity(body.len());
    let mut offsets = Vec::new();
    for chunk in body.utf8_chunks() {
        text.push_str(chunk.valid());
        for _ in chunk.invalid() {
            offsets.push(text.len());
            text.push('?');
        }
    }
    (std::borrow::Cow::Owned(text), offsets)
}
