//! Token buckets over [`crate::limits::SEND_BUDGETS`], in integers: a unit is 1/(1000 ×
//! period seconds) of a call, so each millisecond adds exactly the budget's `calls` units
//! (half as many while the usage headers are past the slow-down mark) and a call costs
//! 1000 × period seconds. A bucket holds at most one period's calls and starts full.

use super::types::AccountState;
use crate::limits::{SendKind, USAGE_SLOW_FROM_PERCENT, send_budget};

fn cost(kind: SendKind) -> u64 {
    1000 * u64::from(send_budget(kind).per_seconds)
}

fn capacity(kind: SendKind) -> u64 {
    u64::from(send_budget(kind).calls) * cost(kind)
}

/// Units added per `ms` milliseconds.
fn gain(account: &AccountState, kind: SendKind, ms: u64) -> u64 {
    let per_ms = u64::from(send_budget(kind).calls);
    let slow = account
        .usage_percent
        .is_some_and(|used| used >= USAGE_SLOW_FROM_PERCENT);
    if slow {
        ms.saturating_mul(per_ms) / 2
    } else {
        ms.saturating_mul(per_ms)
    }
}

/// The bucket of `kind` filled up to `now`: its units.
fn fill(account: &mut AccountState, kind: SendKind, now: i64) -> u64 {
    let full = capacity(kind);
    let (units, at) = account.buckets.get(&kind).copied().unwrap_or((full, now));
    let elapsed = u64::try_from(now.saturating_sub(at)).unwrap_or(0);
    let units = units.saturating_add(gain(account, kind, elapsed)).min(full);
    account.buckets.insert(kind, (units, now.max(at)));
    units
}

/// Takes one call of `kind` when the budget has it; else the milliseconds until it will.
pub(super) fn take(account: &mut AccountState, kind: SendKind, now: i64) -> Result<(), i64> {
    let units = fill(account, kind, now);
    let price = cost(kind);
    if units >= price {
        if let Some(bucket) = account.buckets.get_mut(&kind) {
            bucket.0 = units - price;
        }
        return Ok(());
    }
    let per_ms = gain(account, kind, 1).max(1);
    let wait = (price - units).div_ceil(per_ms);
    Err(i64::try_from(wait).unwrap_or(i64::MAX).max(1))
}
