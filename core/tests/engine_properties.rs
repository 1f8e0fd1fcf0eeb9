//! Properties of the send engine over generated scripts: sends across accounts, threads and
//! kinds, answered by a simulated Meta with successes, 500s, 613s, dead tokens and
//! timeouts at generated delays. Whatever happens:
//!
//! - nothing is lost or doubled: every send ends `done` exactly once;
//! - a thread never has two sends in flight, and its delivered sends were accepted in the
//!   order enqueued;
//! - no budget is overspent: in any window of one period an account sends at most two
//!   periods' calls of a kind (a full bucket, then what refills);
//! - nothing is sent while its account is paused or stopped.

use std::collections::{BTreeMap, HashMap, HashSet};

use msgrkit::limits::{SendKind, send_budget};
use msgrkit::send_engine::{EngineAction, EngineConfig, EngineInput, SendEngine};
use proptest::prelude::*;
use serde_json::json;

#[derive(Clone, Debug)]
struct Planned {
    account: u8,
    thread: Option<u8>,
    kind: SendKind,
    at: i64,
}

/// How the simulated Meta answers an attempt: by a draw per attempt.
#[derive(Clone, Copy, Debug)]
enum Reply {
    Ok,
    Incident,
    RateLimited,
    DeadToken,
    Timeout,
}

fn plan() -> impl Strategy<Value = Vec<Planned>> {
    let kind = prop_oneof![
        4 => Just(SendKind::Text),
        2 => Just(SendKind::Media),
        1 => Just(SendKind::Conversations),
    ];
    let one = (0..3u8, prop::option::of(0..4u8), kind, 0..3000i64).prop_map(
        |(account, thread, kind, at)| Planned {
            account,
            thread,
            kind,
            at,
        },
    );
    prop::collection::vec(one, 1..60)
}

fn replies() -> impl Strategy<Value = Vec<(Reply, i64)>> {
    let reply = prop_oneof![
        12 => Just(Reply::Ok),
        2 => Just(Reply::Incident),
        2 => Just(Reply::RateLimited),
        1 => Just(Reply::DeadToken),
        1 => Just(Reply::Timeout),
    ];
    prop::collection::vec((reply, 1..400i64), 1..200)
}

fn answer(id: &str, reply: Reply) -> EngineInput {
    let (status, body) = match reply {
        Reply::Ok => (200, r#"{"recipient_id":"1","message_id":"m"}"#),
        Reply::Incident => (500, ""),
        Reply::RateLimited => (400, r#"{"error":{"code":613,"message":"limit"}}"#),
        Reply::DeadToken => (400, r#"{"error":{"code":190,"message":"dead"}}"#),
        Reply::Timeout => {
            return serde_json::from_value(
                json!({"type": "no_answer", "id": id, "failure": "timeout"}),
            )
            .unwrap();
        }
    };
    serde_json::from_value(json!({"type": "answer", "id": id, "status": status, "body": body}))
        .unwrap()
}

/// Drives the engine as a host would, checking the properties at every action.
fn drive(planned: &[Planned], replies: &[(Reply, i64)], retry_unknown: bool, fail_stopped: bool) {
    let config: EngineConfig = serde_json::from_value(json!({
        "base_delay_ms": 50, "max_delay_ms": 400, "breaker_threshold": 3,
        "breaker_cool_down_ms": 500, "retry_unknown_outcome": retry_unknown, "max_attempts": 3,
        "fail_when_stopped": fail_stopped
    }))
    .unwrap();
    let mut engine = SendEngine::new(config);
    let meta = |id: &str| format!("P{id}");
    let mut pending: BTreeMap<i64, Vec<EngineInput>> = BTreeMap::new();
    for (n, p) in planned.iter().enumerate() {
        let input = json!({"type": "enqueue", "id": format!("s{n}"), "account": meta(&p.account.to_string()),
            "thread": p.thread.map(|t| format!("t{t}")), "kind": p.kind, "request": {"method": "POST"}});
        pending
            .entry(p.at)
            .or_default()
            .push(serde_json::from_value(input).unwrap());
    }
    let mut draws = replies.iter().cycle();
    let mut in_flight: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut done: HashSet<String> = HashSet::new();
    let mut done_order: HashMap<(String, String), Vec<usize>> = HashMap::new();
    let mut sent_at: HashMap<(String, SendKind), Vec<i64>> = HashMap::new();
    let mut stopped: HashSet<String> = HashSet::new();
    let mut now = 0;
    for _ in 0..20_000 {
        let inputs = pending.remove(&now).unwrap_or_default();
        let actions = engine.step(now, inputs).expect("a well-formed script");
        let mut wake: Option<i64> = None;
        for action in actions {
            match action {
                EngineAction::Send { id, .. } => {
                    let n: usize = id[1..].parse().unwrap();
                    let p = &planned[n];
                    let account = meta(&p.account.to_string());
                    let thread = p.thread.map(|t| format!("t{t}"));
                    assert!(
                        !stopped.contains(&account),
                        "{id} sent while {account} is stopped"
                    );
                    if let Some(thread) = &thread {
                        // Its own earlier attempt (answered, waiting to be retried) holds the
                        // thread too, but is the same send.
                        let busy = in_flight.iter().any(|(other, (a, t))| {
                            *other != id && *a == account && t.as_ref() == Some(thread)
                        });
                        assert!(!busy, "two sends in flight in {account}/{thread}");
                    }
                    in_flight.insert(id.clone(), (account.clone(), thread));
                    sent_at.entry((account, p.kind)).or_default().push(now);
                    let (reply, delay) = *draws.next().unwrap();
                    pending
                        .entry(now + delay)
                        .or_default()
                        .push(answer(&id, reply));
                }
                EngineAction::Done { id, ok, .. } => {
                    assert!(done.insert(id.clone()), "{id} done twice");
                    let n: usize = id[1..].parse().unwrap();
                    in_flight.remove(&id);
                    // Delivered sends: Meta accepted them in the thread's order.
                    if let (Some(t), Some(_)) = (planned[n].thread, ok) {
                        let key = (meta(&planned[n].account.to_string()), format!("t{t}"));
                        done_order.entry(key).or_default().push(n);
                    }
                }
                EngineAction::Stopped { account, .. } => {
                    assert!(stopped.insert(account.clone()), "{account} stopped twice");
                    // The host replaces the token a little later.
                    let resume = json!({"type": "resume", "account": account});
                    pending
                        .entry(now + 700)
                        .or_default()
                        .push(serde_json::from_value(resume).unwrap());
                }
                EngineAction::Wake { at } => wake = Some(at),
                _ => {}
            }
        }
        let next_input = pending.keys().next().copied();
        now = match (next_input, wake) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => break,
        };
        // A resume is applied at its time: the account may send from then on.
        for input in pending.get(&now).into_iter().flatten() {
            if let EngineInput::Resume { account } = input {
                stopped.remove(account);
            }
        }
    }
    assert_eq!(
        done.len(),
        planned.len(),
        "every send ends once: {} of {}",
        done.len(),
        planned.len()
    );
    assert!(engine.state().sends.is_empty());
    for (thread, order) in done_order {
        // Enqueued by time, then by place in the plan (one step's inputs go in order).
        let mut sorted = order.clone();
        sorted.sort_unstable_by_key(|n| (planned[*n].at, *n));
        assert_eq!(order, sorted, "{thread:?} delivered out of order");
    }
    for ((account, kind), times) in sent_at {
        let budget = send_budget(kind);
        let period = i64::from(budget.per_seconds) * 1000;
        let most = 2 * budget.calls as usize;
        for (i, start) in times.iter().enumerate() {
            let within = times[i..]
                .iter()
                .take_while(|t| **t < start + period)
                .count();
            assert!(
                within <= most,
                "{account} sent {within} {kind:?} in one period (at most {most})"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn nothing_lost_order_kept_budgets_held(
        planned in plan(), replies in replies(), unknown in any::<bool>(), fail_stopped in any::<bool>()
    ) {
        drive(&planned, &replies, unknown, fail_stopped);
    }
}
