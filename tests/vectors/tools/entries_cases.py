"""Cases of `entries.json`: the entries made from the table, each called by its name with
its input object (`{"function", "args"}`). The send engine's expected actions are worked
out here from its rules (core/src/send_engine.rs's docs, docs/sending.md), with the
budgets of messenger-platform.md §11.3 and a second implementation of the jitter; they are
not copied from the Rust."""

import json

from common import make_case
import client_plan_cases

NOTES = {
    "engine": "a script of enqueues, answers and times through the send engine, and the actions it answers",
}


def version(id_, args, expect, comment):
    return make_case(f"entries/graph_version_status/{id_}", {"function": "graph_version_status", "args": args},
                     expect, comment=comment)


def version_cases():
    ok = lambda **status: {"ok": status}  # noqa: E731
    return [
        version("current", {"version": "v27.0", "as_of": "2026-12-08"},
                ok(version="v27.0", state="current", as_of="2026-12-08", released="2026-11-04"),
                "v27.0 was released 2026-11-04 and has no published end (messenger-platform.md §16)"),
        version("ending-soon", {"version": "v21.0", "as_of": "2026-12-08"},
                ok(version="v21.0", state="ending_soon", as_of="2026-12-08", released="2024-10-02", ends="2027-01-21",
                   replacement="v27.0"),
                "v21.0 is available until 2027-01-21, 44 days later: within the 90-day notice; the newest version "
                "released by then is v27.0"),
        version("ended-on-its-last-day", {"version": "v21.0", "as_of": "2027-01-21T00:00:00Z"},
                ok(version="v21.0", state="ended", as_of="2027-01-21", released="2024-10-02", ends="2027-01-21",
                   replacement="v27.0"),
                "an instant with its offset is read as its UTC date; on the end date the version is no longer served"),
        version("expired", {"version": "v20.0", "as_of": "2026-12-08"},
                ok(version="v20.0", state="ended", as_of="2026-12-08", released="2024-05-21", ends="2026-09-24",
                   replacement="v27.0"),
                "v20.0 expired 2026-09-24"),
        version("older-than-the-table", {"version": "v2.12", "as_of": "2026-12-08"},
                ok(version="v2.12", state="ended", as_of="2026-12-08", replacement="v27.0"),
                "a vNN.N older than every listed version ended long ago; its dates are not in the profile"),
        version("unreleased", {"version": "v27.0", "as_of": "2026-11-01"},
                ok(version="v27.0", state="unreleased", as_of="2026-11-01", released="2026-11-04", replacement="v26.0"),
                "before its release a version is not served; the newest released by then is v26.0"),
        version("unknown", {"version": "v99.0", "as_of": "2026-12-08"},
                ok(version="v99.0", state="unknown", as_of="2026-12-08"),
                "newer than the profile knows: no replacement is suggested"),
        version("impossible-date", {"version": "v21.0", "as_of": "2026-02-30"},
                {"error": {"code": "invalid_input", "field": "as_of"}}, "February has no 30th"),
        version("version-not-text", {"version": 21, "as_of": "2026-12-08"},
                {"error": {"code": "invalid_input", "field": "version"}}, "the version is text, as `v21.0`"),
    ]


# The send engine. A budget's bucket counts units of 1/(1000 × period seconds) of a call:
# a call costs 1000 × period, a millisecond adds `calls` units, a bucket holds one period.
TEXT_CALL, TEXT_FULL = 1000, 300 * 1000  # 300 calls per second
MEDIA_CALL, MEDIA_FULL = 1000, 10 * 1000  # 10 calls per second
POST = {"method": "POST"}
GET = {"method": "GET"}
SENT = json.dumps({"recipient_id": "6500000000000001", "message_id": "m_1"})
SENT_BODY = json.loads(SENT)


def xorshift(state):
    """The jitter generator, written again: xorshift32 (13, 17, 5)."""
    x = (state & 0xFFFFFFFF) or 1
    x ^= (x << 13) & 0xFFFFFFFF
    x ^= x >> 17
    x ^= (x << 5) & 0xFFFFFFFF
    return x


def backoff(rng, attempt, base, top):
    """(wait, next rng): half the doubled base plus a draw of up to the other half."""
    doubled = min(base * 2 ** (attempt - 1), max(top, base))
    half = doubled // 2
    rng = xorshift(rng)
    return half + rng % (doubled - half + 1), rng


def enqueue(id_, account="P", thread=None, kind="text", request=POST):
    out = {"type": "enqueue", "id": id_, "account": account, "kind": kind, "request": request}
    if thread:
        out["thread"] = thread
    return out


def answer(id_, status=200, body=SENT, headers=()):
    return {"type": "answer", "id": id_, "status": status, "headers": [list(h) for h in headers], "body": body}


def send(id_, attempt=1, request=POST):
    return {"type": "send", "id": id_, "attempt": attempt, "request": request}


def done(id_, attempts=1, ok=SENT_BODY, error=None, usage=None):
    out = {"type": "done", "id": id_, "attempts": attempts}
    if error is not None:
        out["error"] = error
    else:
        out["ok"] = ok
        out["usage"] = usage or {}  # the accepted answer's usage headers: none here
    return out


def account(buckets, breaker=None, stopped=False, **more):
    out = {"buckets": buckets, "breaker": breaker or {"incidents": 0, "probing": False}, "stopped": stopped}
    out.update(more)
    return out


def queued(id_, seq, phase, account_="P", thread=None, kind="text", attempts=1, request=POST):
    out = {"id": id_, "seq": seq, "account": account_, "kind": kind, "request": request, "attempts": attempts,
           "phase": phase}
    if thread:
        out["thread"] = thread
    return out


def engine(id_, comment, steps, actions, state, config=None):
    args = {"steps": [{"now": now, "inputs": inputs} for now, inputs in steps]}
    if config:
        args["config"] = config
    return make_case(f"entries/send_engine_step/{id_}", {"function": "send_engine_step", "args": args},
                     {"ok": {"actions": actions, "state": state}}, flags=["engine"], comment=comment)


def graph_error(status, code=None, message=None, kind="OAuthException", attempts=1, **more):
    out = {"status": status, "attempts": attempts, **more}
    if code is not None:
        out.update(code=code, type=kind, message=message)
    return out


def engine_cases():
    cases = []
    # One send per thread at a time; another thread goes meanwhile.
    cases.append(engine(
        "thread-order", "a thread's second send waits for its first to be accepted; another thread's goes at once",
        [(1000, [enqueue("a1", thread="t1"), enqueue("a2", thread="t1"), enqueue("b1", thread="t2")]),
         (1010, [answer("a1")]), (1020, [answer("b1")]), (1030, [answer("a2")])],
        [[send("a1"), send("b1")], [done("a1"), send("a2")], [done("b1")], [done("a2")]],
        # 1000: two calls from a full bucket; 1010: refilled to full (+10 ms × 300), one call.
        {"seq": 3, "rng": 1, "sends": [], "accounts": {"P": account({"text": [TEXT_FULL - TEXT_CALL, 1010]})}}))

    # A 613 with the business usage header pauses that Page only, until access is regained.
    usage = json.dumps({"106000000000001": [{"type": "messenger", "call_count": 100, "total_cputime": 10,
                                             "total_time": 10, "estimated_time_to_regain_access": 1}]})
    limited = json.dumps({"error": {"message": "(#613) Calls to this api have exceeded the rate limit.",
                                    "type": "OAuthException", "code": 613}})
    _, rng = backoff(1, 1, 500, 30_000)  # the backoff is drawn, and the usage header's minute is longer
    cases.append(engine(
        "rate-limit-pauses-only-that-page",
        "613 with estimated_time_to_regain_access 1 (minute): Page P waits 60 s, its other thread too; Page Q goes on",
        [(0, [enqueue("p1", "P", "t1"), enqueue("q1", "Q", "t2")]),
         (100, [enqueue("p2", "P", "t3"), enqueue("q2", "Q", "t4"),
                answer("p1", 400, limited, [("X-Business-Use-Case-Usage", usage)])]),
         (60_100, []),
         (60_200, [answer("q1"), answer("p1"), answer("p2"), answer("q2")])],
        [[send("p1"), send("q1")],
         [{"type": "paused", "scope": "account", "account": "P", "until": 60_100}, send("q2"),
          {"type": "wake", "at": 60_100}],
         [send("p1", 2), send("p2")],
         [done("q1"), done("p1", 2), done("p2"), done("q2")]],
        {"seq": 4, "rng": rng, "sends": [], "accounts": {
            # P: full again at 60 100, two calls; the usage it last reported (100 %) is kept.
            "P": account({"text": [TEXT_FULL - 2 * TEXT_CALL, 60_100]}, usage_percent=100),
            # Q: one call at 0, full again by 100, one call.
            "Q": account({"text": [TEXT_FULL - TEXT_CALL, 100]})}}))

    # Code 4 is the app's limit: every account waits, for the backoff (no Retry-After).
    app_limited = json.dumps({"error": {"message": "(#4) Application request limit reached",
                                        "type": "OAuthException", "code": 4}})
    wait, rng = backoff(1, 1, 1000, 30_000)
    cases.append(engine(
        "app-limit-pauses-every-page",
        "code 4: nothing of any Page goes before the backoff ends; then the retry and the other Page's send go",
        [(0, [enqueue("p1", "P"), enqueue("q1", "Q")]),
         (10, [answer("p1", 400, app_limited), enqueue("q2", "Q")]),
         (10 + wait, [answer("q1")]),
         (10 + wait + 5, [answer("p1"), answer("q2")])],
        [[send("p1"), send("q1")],
         [{"type": "paused", "scope": "app", "until": 10 + wait}, {"type": "wake", "at": 10 + wait}],
         [done("q1"), send("p1", 2), send("q2")],
         [done("p1", 2), done("q2")]],
        {"seq": 3, "rng": rng, "sends": [], "accounts": {
            "P": account({"text": [TEXT_FULL - TEXT_CALL, 10 + wait]}),
            "Q": account({"text": [TEXT_FULL - TEXT_CALL, 10 + wait]})}},
        config={"base_delay_ms": 1000}))

    # Audio and video spend their own budget, 10 a second, beside text's 300.
    media = [enqueue(f"m{n}", kind="media") for n in range(1, 13)]
    cases.append(engine(
        "media-budget-beside-text",
        "12 audio sends and 2 texts at once: 10 audio go, the 11th after 100 ms (10 units a millisecond), the 12th "
        "after 200; the texts go at once",
        [(0, media + [enqueue("t1"), enqueue("t2")]), (100, []), (200, [])],
        [[*(send(f"m{n}") for n in range(1, 11)), send("t1"), send("t2"), {"type": "wake", "at": 100}],
         [send("m11"), {"type": "wake", "at": 200}],
         [send("m12")]],
        {"seq": 14, "rng": 1,
         "sends": [*(queued(f"m{n}", n, {"is": "in_flight"}, kind="media") for n in range(1, 13)),
                   queued("t1", 13, {"is": "in_flight"}), queued("t2", 14, {"is": "in_flight"})],
         "accounts": {"P": account({"media": [0, 200], "text": [TEXT_FULL - 2 * TEXT_CALL, 0]})}}))
    return cases + engine_failure_cases()


def engine_failure_cases():
    cases = []
    # The breaker: two incidents in a row open it; after the cool-down one probe goes, and
    # its success closes it.
    cases.append(engine(
        "breaker-opens-and-a-good-probe-closes-it",
        "threshold 2, cool-down 10 s, one attempt per send: two 500s open P's breaker; at 10 010 one probe goes, the "
        "next send waits for it; the probe's success closes the breaker and the next goes",
        [(0, [enqueue("s1"), enqueue("s2")]),
         (10, [answer("s1", 500, ""), answer("s2", 500, ""), enqueue("s3")]),
         (10_010, [enqueue("s4")]),
         (10_020, [answer("s3")]),
         (10_030, [answer("s4")])],
        [[send("s1"), send("s2")],
         [done("s1", error={**graph_error(500, raw_body=""), "class": "transient"}),
          {"type": "breaker", "account": "P", "open": True, "until": 10_010},
          done("s2", error={**graph_error(500, raw_body=""), "class": "transient"}),
          {"type": "wake", "at": 10_010}],
         [send("s3")],
         [{"type": "breaker", "account": "P", "open": False}, done("s3"), send("s4")],
         [done("s4")]],
        {"seq": 4, "rng": 1, "sends": [], "accounts": {"P": account({"text": [TEXT_FULL - TEXT_CALL, 10_020]})}},
        config={"max_attempts": 1, "breaker_threshold": 2, "breaker_cool_down_ms": 10_000}))

    # A dead token stops the Page's queue, said once, until the host resumes it.
    dead = json.dumps({"error": {"message": "Error validating access token: The session has been invalidated.",
                                 "type": "OAuthException", "code": 190, "error_subcode": 460}})
    auth = {**graph_error(400, 190, "Error validating access token: The session has been invalidated."),
            "class": "auth", "subcode": 460}
    cases.append(engine(
        "dead-token-stops-the-page-once",
        "190 on two sends: one `stopped`, both sends failed; a third send waits (no wake) until `resume`",
        [(0, [enqueue("x1", thread="t1"), enqueue("x2", thread="t2")]),
         (10, [answer("x1", 400, dead), answer("x2", 400, dead), enqueue("x3", thread="t3")]),
         (20, [{"type": "resume", "account": "P"}]),
         (30, [answer("x3")])],
        [[send("x1"), send("x2")],
         [{"type": "stopped", "account": "P", "error": auth}, done("x1", error=auth), done("x2", error=auth)],
         [send("x3")],
         [done("x3")]],
        {"seq": 3, "rng": 1, "sends": [], "accounts": {"P": account({"text": [TEXT_FULL - TEXT_CALL, 20]})}}))

    cases.append(engine(
        "dead-token-fails-the-waiting-sends-when-asked",
        "fail_when_stopped: the two waiting sends of the same thread and one enqueued later fail with the 190 at "
        "once, without a request; `stopped` is said once",
        [(0, [enqueue("x1", thread="t1"), enqueue("x2", thread="t1"), enqueue("x3", thread="t1")]),
         (10, [answer("x1", 400, dead)]),
         (20, [enqueue("x4", thread="t2")])],
        [[send("x1")],
         [{"type": "stopped", "account": "P", "error": auth}, done("x1", error=auth),
          done("x2", 0, error={**auth, "attempts": 0}), done("x3", 0, error={**auth, "attempts": 0})],
         [done("x4", 0, error={**auth, "attempts": 0})]],
        {"seq": 4, "rng": 1, "sends": [], "accounts": {"P": account(
            {"text": [TEXT_FULL - TEXT_CALL, 0]}, stopped=True, stopped_by=auth)}},
        config={"fail_when_stopped": True}))

    # A POST without an answer may have been delivered: retried only when the host opts
    # in. A GET is retried either way.
    timeout = {"type": "no_answer", "id": "u1", "failure": "timeout"}
    no_answer = {**graph_error(0, attempts=1), "class": "transient", "message": "no answer", "transport": "timeout"}
    get_wait, get_rng = backoff(1, 1, 1000, 30_000)
    cases.append(engine(
        "unknown-outcome-not-retried-by-default",
        "a POST that timed out fails at once (its message may have been delivered); a GET that timed out is retried",
        [(0, [enqueue("u1"), enqueue("g1", request=GET)]),
         (5000, [timeout, {"type": "no_answer", "id": "g1", "failure": "timeout"}]),
         (5000 + get_wait, [])],
        [[send("u1"), send("g1", request=GET)],
         [done("u1", error=no_answer), {"type": "wake", "at": 5000 + get_wait}],
         [send("g1", 2, request=GET)]],
        {"seq": 2, "rng": get_rng, "sends": [queued("g1", 2, {"is": "in_flight"}, attempts=2, request=GET)],
         "accounts": {"P": account({"text": [TEXT_FULL - TEXT_CALL, 5000 + get_wait]},
                                   breaker={"incidents": 2, "probing": False})}},
        config={"base_delay_ms": 1000}))
    post_wait, post_rng = backoff(1, 1, 1000, 30_000)
    cases.append(engine(
        "unknown-outcome-retried-when-opted-in",
        "retry_unknown_outcome: the POST that timed out is sent again after the backoff",
        [(0, [enqueue("u1")]), (5000, [timeout]), (5000 + post_wait, []), (5010 + post_wait, [answer("u1")])],
        [[send("u1")], [{"type": "wake", "at": 5000 + post_wait}], [send("u1", 2)], [done("u1", 2)]],
        # The incident of the timeout ends with the accepted retry.
        {"seq": 1, "rng": post_rng, "sends": [],
         "accounts": {"P": account({"text": [TEXT_FULL - TEXT_CALL, 5000 + post_wait]})}},
        config={"base_delay_ms": 1000, "retry_unknown_outcome": True}))
    deadline_wait, deadline_rng = backoff(1, 1, 1000, 30_000)
    assert 10 + deadline_wait > 500
    cases.append(engine(
        "a-deadline-ends-the-retries",
        "a send that may not start a retry after 500 ms fails with its last error when the backoff would pass it",
        [(0, [{**enqueue("d1"), "deadline": 500}]), (10, [answer("d1", 500, "")])],
        [[send("d1")], [done("d1", error={**graph_error(500, raw_body=""), "class": "transient"})]],
        {"seq": 1, "rng": deadline_rng, "sends": [],
         "accounts": {"P": account({"text": [TEXT_FULL - TEXT_CALL, 0]}, breaker={"incidents": 1, "probing": False})}},
        config={"base_delay_ms": 1000}))
    cases.append(make_case(
        "entries/send_engine_step/answer-to-a-send-not-in-flight", {"function": "send_engine_step", "args": {
            "steps": [{"now": 0, "inputs": [enqueue("a1")]}, {"now": 1, "inputs": [answer("zz")]}]}},
        {"error": {"code": "invalid_input", "field": "steps[1].inputs[0].id"}}, flags=["engine"],
        comment="an answer names a send in flight; nothing of the failing call is applied"))
    cases.append(make_case(
        "entries/send_engine_step/an-id-twice", {"function": "send_engine_step", "args": {
            "steps": [{"now": 0, "inputs": [enqueue("a1"), enqueue("a1")]}]}},
        {"error": {"code": "conflict", "field": "steps[0].inputs[1].id"}}, flags=["engine"]))
    return cases


def cases():
    return version_cases() + engine_cases() + client_plan_cases.cases()
