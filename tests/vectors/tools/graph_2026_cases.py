"""Cases for tests/vectors/graph.json from the platform changes of 2025–26
(messenger-platform.md §16): the dated Graph version table's edges, Instagram Login, the
Page-only calls it refuses, and the error codes of 2026 and of Conversation Routing."""

import json

from common import make_case
from graph_cases import PSID, TOKEN, VERSION, classified, envelope, graph_fields, request

NOTES = {
    "version_table": "the configured Graph version judged on a date against Meta's version table",
    "instagram_login": "a configuration for the Instagram API with Instagram Login (graph.instagram.com)",
    "legacy_free": "no HTTP method override, multi-ID, field alias, JSONP or asynchronous batch",
    "routing": "Conversation Routing (which replaced the Handover Protocol on 2025-09-24)",
    "incident": "an answer that is a platform incident (to wait out), not a verdict on the request",
}

IG_BASE = "https://graph.instagram.com"
IG_ID = "17841400000000001"
IG_SUBSCRIPTION = "messages,messaging_postbacks,messaging_referral,messaging_seen,message_reactions"


def ok(body):
    return {"status": 200, "body": json.dumps(body)}


HEALTHY = {
    "debug_token": ok({"data": {"is_valid": True, "type": "PAGE", "app_id": "777", "profile_id": "106",
                                "scopes": ["pages_messaging", "pages_manage_metadata"]}}),
    "subscribed_apps": ok({"data": [{"id": "777", "subscribed_fields": [
        "messages", "messaging_postbacks", "messaging_optins", "messaging_referrals", "message_deliveries",
        "message_reads", "message_echoes", "message_reactions", "messaging_handovers", "standby"]}]}),
    "profile": ok({"data": []}),
}
HEALTHY_FINDINGS = [("token_valid", "ok"), ("permission_granted", "ok"), ("permission_granted", "ok"),
                    ("subscription_complete", "ok"), ("profile_consistent", "ok")]


def version_cases():
    def judged(id_, version, as_of, finding, comment=None):
        code, severity = finding
        rest = HEALTHY_FINDINGS + [finding] if severity == "ok" else [finding] + HEALTHY_FINDINGS
        answers = {**HEALTHY, "version": version, "as_of": as_of}
        return make_case("graph/version/" + id_, {"kind": "diagnose", "answers": answers},
                         {"ok": [{"code": c, "severity": s} for c, s in rest]}, flags=["version_table"], comment=comment)

    return [
        judged("v21-91-days-before-its-end", "v21.0", "2026-10-22", ("graph_version_current", "ok"),
               comment="v21.0 is served until 2027-01-21"),
        judged("v21-90-days-before-its-end", "v21.0", "2026-10-23", ("graph_version_ending_soon", "warning")),
        judged("v21-on-its-last-day", "v21.0", "2027-01-20", ("graph_version_ending_soon", "warning")),
        judged("v21-on-its-end", "v21.0", "2027-01-21", ("graph_version_ended", "warning"),
               comment="Meta moves such calls to the oldest version it serves: a warning, not an outage"),
        judged("v20-ended-2026-09-24", "v20.0", "2026-12-01", ("graph_version_ended", "warning")),
        judged("v19-served-the-day-before", "v19.0", "2026-05-20", ("graph_version_ending_soon", "warning")),
        judged("v27-the-day-before-release", "v27.0", "2026-11-03", ("graph_version_unreleased", "error")),
        judged("v27-on-release", "v27.0", "2026-11-04", ("graph_version_current", "ok")),
        judged("v26-no-end-published", "v26.0", "2026-12-01", ("graph_version_current", "ok")),
        judged("older-than-the-table", "v2.12", "2026-12-01", ("graph_version_ended", "warning")),
        judged("newer-than-the-table", "v99.0", "2026-12-01", ("graph_version_unknown", "warning")),
        make_case("graph/version/bad-as-of", {"kind": "diagnose", "answers": {**HEALTHY, "version": "v27.0", "as_of": "01/12/2026"}},
                  {"error": {"code": "invalid_input", "field": "answers.as_of"}}, flags=["version_table"]),
        # The answers are read as a typed input (api::DiagnoseInput): a misspelt key is
        # refused rather than ignored, a missing answer is required at its key.
        make_case("graph/diagnose/a-misspelt-key-is-refused",
                  {"kind": "diagnose", "answers": {**HEALTHY, "version": "v27.0", "asof": "2026-12-01"}},
                  {"error": {"code": "invalid_input", "field": "answers.asof"}}),
        make_case("graph/diagnose/a-missing-answer-is-required",
                  {"kind": "diagnose", "answers": {k: v for k, v in HEALTHY.items() if k != "profile"}},
                  {"error": {"code": "required", "field": "answers.profile"}}),
        make_case("graph/diagnose/as-of-an-instant-is-its-utc-date",
                  {"kind": "diagnose", "answers": {**HEALTHY, "version": "v27.0", "as_of": "2026-11-03T23:30:00-01:00"}},
                  {"ok": [{"code": c, "severity": s} for c, s in HEALTHY_FINDINGS + [("graph_version_current", "ok")]]},
                  flags=["version_table"], comment="23:30 at -01:00 on 2026-11-03 is 2026-11-04 in UTC: v27.0's release day"),
        make_case("graph/version/config-refuses-a-non-version",
                  {"kind": "request", "config": {"token": TOKEN, "version": "27"}, "call": "me", "args": {}},
                  {"error": {"code": "invalid_input", "field": "version"}}, flags=["version_table"]),
    ]


def ig(path, query=(), **kw):
    return request(kw.pop("method", "GET"), path, query, base=IG_BASE, **kw)


def instagram_login_cases():
    config = {"token": TOKEN, "login": "instagram"}
    by_id = {**config, "page_id": IG_ID}
    message = {"recipient": {"id": "5400000000000001"}, "messaging_type": "RESPONSE", "message": {"text": "hi"}}

    def build(id_, call, args, expect, cfg=config):
        inp = {"kind": "request", "config": cfg, "call": call, "args": args}
        return make_case("graph/instagram_login/" + id_, inp, {"ok": expect}, flags=["instagram_login", "no_token_in_url"])

    def refused(id_, call, args, field="call", code="unsupported"):
        inp = {"kind": "request", "config": config, "call": call, "args": args}
        return make_case("graph/instagram_login/" + id_, inp, {"error": {"code": code, "field": field}},
                         flags=["instagram_login"], comment="Instagram Login has no Page: refused before any request")

    return [
        build("send-by-account-id", "send", {"request": message},
              ig(f"{IG_ID}/messages", method="POST", body=message), cfg=by_id),
        build("send-as-me", "send", {"request": message}, ig("me/messages", method="POST", body=message)),
        build("subscribe-instagram-fields", "subscribe", {},
              ig("me/subscribed_apps", method="POST", body={"subscribed_fields": IG_SUBSCRIPTION})),
        build("ice-breakers", "profile_get", {"fields": ["ice_breakers"], "platform": "instagram"},
              ig("me/messenger_profile", [("fields", "ice_breakers"), ("platform", "instagram")])),
        refused("no-personas", "personas", {}),
        refused("no-persona-create", "persona_create", {"name": "Ana", "profile_picture_url": "https://x/a.png"}),
        refused("no-handover", "thread_control", {"call": "pass", "psid": PSID, "target_app_id": "263902037430900"}),
        refused("no-thread-owner", "thread_owner", {"psid": PSID}),
        refused("no-per-person-menu", "user_menu_get", {"psid": PSID}),
        refused("no-page-accounts", "accounts", {}),
        refused("no-greeting", "profile_set", {"profile": {"greeting": [{"locale": "default", "text": "Hi"}]}},
                field="profile.greeting"),
        refused("no-get-started-field", "profile_get", {"fields": ["ice_breakers", "get_started"]}, field="fields[1]"),
        make_case("graph/instagram_login/unknown-login", {"kind": "request", "config": {"token": TOKEN, "login": "tiktok"},
                                                         "call": "me", "args": {}},
                  {"error": {"code": "invalid_input", "field": "login"}}),
        make_case("graph/instagram_login/diagnose-checks-instagram-scopes", {"kind": "diagnose", "answers": {
            "login": "instagram",
            "debug_token": ok({"data": {"is_valid": True, "type": "USER", "app_id": "888", "user_id": IG_ID,
                                        "scopes": ["instagram_business_basic", "instagram_business_manage_messages"]}}),
            "subscribed_apps": ok({"data": [{"id": "888", "subscribed_fields": IG_SUBSCRIPTION.split(",")}]}),
            "profile": ok({"data": [{"persistent_menu": [{"locale": "default"}]}]})}},
                  {"ok": [{"code": c, "severity": "ok"} for c in (
                      "token_valid", "permission_granted", "permission_granted", "subscription_complete", "profile_consistent")]},
                  flags=["instagram_login"],
                  comment="an Instagram user token, Instagram's webhook fields, and no Get Started to require"),
        make_case("graph/instagram_login/upload-refuses-webp", {"kind": "request", "config": config, "call": "upload_bytes",
                                                               "args": {"type": "image", "filename": "a.webp", "mime": "image/webp",
                                                                        "data": "RIFF", "platform": "instagram"}},
                  {"error": {"code": "validation_failed"}}, flags=["instagram_login"],
                  comment="Instagram images are png, jpeg or gif (limits of 2026-04-01)"),
    ]


def error_cases_2026():
    handover = "(#10) Handover Protocol APIs disabled for this page"
    controlled = "(#100) Cannot send: another app is controlling this thread"
    incident = "Unsupported request - method type: post"
    return [
        classified("unsupported_method_type_is_an_incident", 400,
                   envelope(100, message=incident, type="IGApiException"), "transient",
                   **graph_fields(100, message=incident, type="IGApiException"), flags=["incident"],
                   comment="the answer of the July 2026 Instagram incidents (messenger-platform.md §16) to requests "
                           "valid the day before: a platform incident to wait out, not a bad request"),
        classified("tag_retired_1893061", 400, envelope(100, 1893061), "tag_retired", **graph_fields(100, 1893061),
                   comment="≈ the subcode chatwoot #14669 saw for the tags retired on 2026-04-27"),
        classified("marketing_too_soon_2300052", 400, envelope(2300052), "marketing_too_soon", **graph_fields(2300052)),
        classified("handover_disabled", 400, envelope(10, message=handover), "handover_disabled",
                   **graph_fields(10, message=handover), flags=["routing"],
                   comment="Meta gives this refusal no code of its own; the one class read from the words"),
        classified("another_app_controls_the_thread", 400, envelope(100, message=controlled), "thread_controlled_elsewhere",
                   **graph_fields(100, message=controlled), flags=["routing"]),
        classified("handover_words_do_not_override_a_specific_code", 400, envelope(190, 460, message=handover), "auth",
                   **graph_fields(190, 460, message=handover), flags=["routing"]),
    ]


def cases():
    assert VERSION == "v27.0"
    return version_cases() + instagram_login_cases() + error_cases_2026()
