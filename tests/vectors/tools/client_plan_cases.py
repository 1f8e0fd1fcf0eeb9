"""Cases of `entries.json` for `client_plan` and `client_finish`: the client without its
transport. The expected requests are Graph's as graph.json has them; the engine settings are
the blocking client's documented defaults (docs/graph.md)."""

from common import make_case

# The client without its transport: what to send, and what a finished send answers.
PAGE, PSID = "106000000000001", "6500000000000001"
CONFIG = {"token": "EAAGvectortoken", "page_id": PAGE}
AUTH = ["Authorization", "Bearer EAAGvectortoken"]
# The blocking client's defaults (docs/graph.md): 4 attempts within 60 s, 30 s each,
# backoff from 500 ms to 30 s; the breaker's; the jitter seeded with now.
ENGINE = {"max_attempts": 4, "base_delay_ms": 500, "max_delay_ms": 30_000, "retry_unknown_outcome": False,
          "breaker_threshold": 5, "breaker_cool_down_ms": 60_000, "seed": 1000,
          "fail_when_stopped": True}  # a client's callers each await their send


def client(id_, function, args, expect, comment=None):
    return make_case(f"entries/{function}/{id_}", {"function": function, "args": args}, expect, comment=comment)


def text_send(text="hi", **recipient):
    return {"recipient": recipient or {"id": PSID}, "messaging_type": "RESPONSE", "message": {"text": text}}


def cases():
    send_url = f"https://graph.facebook.com/v27.0/{PAGE}/messages"
    audio = {"recipient": {"id": PSID}, "messaging_type": "RESPONSE",
             "message": {"attachment": {"type": "audio", "payload": {"url": "https://example.com/a.mp3"}}}}
    reply = {"recipient": {"comment_id": "1_2"}, "messaging_type": "RESPONSE", "message": {"text": "Thanks!"}}
    planned = lambda request, kind, thread=None, account=PAGE: {  # noqa: E731
        "request": request, "account": account, "kind": kind, "engine": ENGINE, "timeout_ms": 30_000,
        "deadline": 61_000, **({"thread": thread} if thread else {})}
    post = lambda body: {"method": "POST", "url": send_url, "headers": [AUTH, ["Content-Type", "application/json"]],  # noqa: E731
                         "body": body}
    sent = {"recipient_id": PSID, "message_id": "m_1"}
    rate_limited = {"class": "rate_limited", "status": 400, "code": 613, "type": "OAuthException",
                    "message": "(#613) limit", "retry_after": 60, "attempts": 4}
    return [
        client("send-text", "client_plan", {"config": CONFIG, "send": text_send(), "now": 1000},
               {"ok": planned(post(text_send()), "text", f"id:{PSID}")},
               "a send's thread is its recipient; the deadline is now plus the 60 s budget"),
        client("send-audio-spends-the-media-budget", "client_plan", {"config": CONFIG, "send": audio, "now": 1000},
               {"ok": planned(post(audio), "media", f"id:{PSID}")}),
        client("private-reply", "client_plan", {"config": CONFIG, "send": reply, "now": 1000},
               {"ok": planned(post(reply), "private_reply", "comment_id:1_2")},
               "a private reply (recipient.comment_id) spends the private-reply budget"),
        client("call", "client_plan", {"config": {"token": "EAAGvectortoken", "max_attempts": 2, "budget_ms": 5000,
                                                  "timeout_ms": 2000}, "call": "user_profile",
                                       "args": {"psid": PSID}, "now": 1000},
               {"ok": planned({"method": "GET", "url": f"https://graph.facebook.com/v27.0/{PSID}"
                               "?fields=id%2Cname%2Cfirst_name%2Clast_name%2Cprofile_pic",
                               "headers": [AUTH], "body": None}, "text", account="me")
                | {"engine": {**ENGINE, "max_attempts": 2}, "timeout_ms": 2000, "deadline": 6000}},
               "the client's settings become the engine's; a call keeps no thread order"),
        client("invalid-send-is-refused-before-anything", "client_plan",
               {"config": CONFIG, "send": {"recipient": {"id": PSID}, "message": {"text": "no messaging_type"}},
                "now": 1000},
               {"error": {"code": "validation_failed"}}),
        client("send-and-call-together", "client_plan",
               {"config": CONFIG, "send": text_send(), "call": "me", "now": 1000},
               {"error": {"code": "invalid_input", "field": "send"}}),
        client("send-finished", "client_finish",
               {"operation": "send", "done": {"type": "done", "id": "r1", "attempts": 2, "ok": sent, "usage": {}}},
               {"ok": {**sent, "attempts": 2}}),
        client("call-finished", "client_finish",
               {"operation": "call", "done": {"type": "done", "id": "r1", "attempts": 1, "ok": {"id": PSID},
                                              "usage": {"app": {"call_count": 12.5, "total_cputime": 1.5, "total_time": 2.5}}}},
               {"ok": {"body": {"id": PSID}, "attempts": 1,
                       "usage": {"app": {"call_count": 12.5, "total_cputime": 1.5, "total_time": 2.5}}}}),
        client("send-failed", "client_finish",
               {"operation": "send", "done": {"type": "done", "id": "r1", "attempts": 4, "error": rate_limited}},
               {"error": {"code": "graph_rate_limited"}}, "the error the engine finished with is the client's error"),
        client("accepted-but-no-send-answer", "client_finish",
               {"operation": "send", "done": {"type": "done", "id": "r1", "attempts": 1, "ok": {"success": True}}},
               {"error": {"code": "graph_unknown"}},
               "a 2xx without recipient_id or message_id was delivered all the same: never taken for no send"),
        client("cancelled-is-nothing-to-finish", "client_finish",
               {"operation": "send", "done": {"type": "done", "id": "r1", "attempts": 0, "cancelled": True}},
               {"error": {"code": "invalid_input", "field": "done"}}),
    ]
