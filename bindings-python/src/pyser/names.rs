//! Field names and map keys as Python strings, made once and reused across calls: the same
//! few dozen repeat in every event of every batch.
//!
//! One direct-mapped table, keyed by the address of the Rust string: a `&'static str`
//! field name hits on its address alone (static data never moves and is never reused);
//! any other key must also match by content, so a freed and reused address can never
//! give a wrong key. The table has a fixed size (an attacker's many unknown keys evict
//! entries, they never grow it). Static names are interned, so `event["type"]` in the
//! host compares by identity; other keys are not, so they are freed when evicted.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::{Mutex, MutexGuard, TryLockError};

use pyo3::prelude::*;
use pyo3::types::PyString;

/// Slots of the table: a power of two, a few times the names the core's types have.
const SLOTS: usize = 2048;

struct Slot {
    address: usize,
    len: usize,
    /// Borrowed for a static name, a copy for any other key (compared on every hit).
    text: Cow<'static, str>,
    string: Py<PyString>,
}

#[derive(Default)]
struct Table {
    slots: Vec<Option<Slot>>,
}

/// The table every call shares. The GIL is held while it is used; the lock is only
/// tried, so a call made while another holds it (a finaliser that parses, run by the
/// collector in the middle of a conversion) uses a table of its own instead of waiting.
static SHARED: Mutex<Table> = Mutex::new(Table { slots: Vec::new() });

enum Held {
    Shared(MutexGuard<'static, Table>),
    Own(Table),
}

/// The names of one conversion.
pub(super) struct Names<'py> {
    py: Python<'py>,
    table: RefCell<Held>,
}

impl<'py> Names<'py> {
    pub(super) fn new(py: Python<'py>) -> Self {
        let mut held = match SHARED.try_lock() {
            Ok(guard) => Held::Shared(guard),
            Err(TryLockError::Poisoned(poisoned)) => Held::Shared(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => Held::Own(Table::default()),
        };
        let table = match &mut held {
            Held::Shared(guard) => &mut **guard,
            Held::Own(table) => table,
        };
        if table.slots.len() != SLOTS {
            table.slots.resize_with(SLOTS, || None);
        }
        Self {
            py,
            table: RefCell::new(held),
        }
    }

    pub(super) fn py(&self) -> Python<'py> {
        self.py
    }

    /// A struct field or variant name.
    pub(super) fn get(&self, name: &'static str) -> Bound<'py, PyString> {
        self.find(name, Some(name))
    }

    /// A map key (from `serialize_map`, flattened fields and raw JSON objects).
    pub(super) fn key(&self, key: &str) -> Bound<'py, PyString> {
        self.find(key, None)
    }

    /// `text`'s string; `name` is `text` itself when it is static.
    fn find(&self, text: &str, name: Option<&'static str>) -> Bound<'py, PyString> {
        let mut held = self.table.borrow_mut();
        let table = match &mut *held {
            Held::Shared(guard) => &mut **guard,
            Held::Own(table) => table,
        };
        let address = text.as_ptr() as usize;
        // Fibonacci hashing of the address; the next slot is the second choice.
        let first = (address.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 53) & (SLOTS - 1);
        let second = (first + 1) & (SLOTS - 1);
        let hit = |slot: &Option<Slot>| {
            slot.as_ref().is_some_and(|slot| {
                slot.address == address
                    && slot.len == text.len()
                    && (name.is_some() || *slot.text == *text)
            })
        };
        for index in [first, second] {
            if hit(&table.slots[index]) {
                let slot = table.slots[index].as_ref().expect("a hit is a slot");
                return slot.string.bind(self.py).clone();
            }
        }
        let (string, kept) = match name {
            Some(name) => (PyString::intern(self.py, name), Cow::Borrowed(name)),
            None => (PyString::new(self.py, text), Cow::Owned(text.to_owned())),
        };
        let index = if table.slots[first].is_none() {
            first
        } else {
            second
        };
        table.slots[index] = Some(Slot {
            address,
            len: text.len(),
            text: kept,
            string: string.clone().unbind(),
        });
        string
    }
}
