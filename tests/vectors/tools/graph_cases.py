"""Cases for tests/vectors/graph.json: Graph requests as data, answers classified, usage headers.

Expected requests are computed here independently of msgrkit: the URL from the path and
query (RFC 3986 percent-encoding), `appsecret_proof` with Python's hmac."""

import hashlib
import hmac
import json
from urllib.parse import quote

from common import make_case

NOTES = {
    "proof": "an app secret is configured: appsecret_proof is the last query parameter",
    "no_token_in_url": "the token travels only in the Authorization header",
    "instagram": "the Instagram variant of a call",
    "retry_after": "the wait before a retry, from Retry-After or X-Business-Use-Case-Usage",
    "not_graph": "a body that is not a Graph error envelope keeps its raw text",
}

TOKEN = "EAAGvectortoken"
SECRET = "vector-app-secret"
BASE = "https://graph.facebook.com"
VERSION = "v27.0"
PSID = "6500000000000001"
SUBSCRIPTION = ("messages,messaging_postbacks,messaging_optins,messaging_referrals,message_deliveries,"
                "message_reads,message_echoes,message_reactions,messaging_handovers,standby")


def proof(token=TOKEN, secret=SECRET):
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


def enc(text):
    return quote(text, safe="-_.~")


def url(path, query=(), *, secret=None, base=BASE, version=VERSION):
    params = list(query)
    if secret:
        params.append(("appsecret_proof", proof(secret=secret)))
    text = f"{base}/{version}/{path}"
    if params:
        text += "?" + "&".join(f"{enc(k)}={enc(v)}" for k, v in params)
    return text


def request(method, path, query=(), body=None, content_type=None, *, secret=None, **where):
    headers = [["Authorization", f"Bearer {TOKEN}"]]
    if body is not None:
        headers.append(["Content-Type", content_type or "application/json"])
    return {"method": method, "url": url(path, query, secret=secret, **where), "headers": headers, "body": body}


def form(pairs):
    return "&".join(f"{enc(k)}={enc(v)}" for k, v in pairs)


def build(id_, call, args, expect, *, config=None, flags=()):
    inp = {"kind": "request", "config": {"token": TOKEN, **(config or {})}, "call": call, "args": args}
    flags = list(flags) + ["no_token_in_url"]
    if (config or {}).get("app_secret"):
        flags.append("proof")
    return make_case("graph/request/" + id_, inp, {"ok": expect}, flags=flags)


def request_cases():
    text = {"recipient": {"id": PSID}, "messaging_type": "RESPONSE", "message": {"text": "Hi"}}
    with_secret = {"app_secret": SECRET}
    menu = [{"locale": "default", "composer_input_disabled": False,
             "call_to_actions": [{"type": "postback", "title": "Talk to an agent", "payload": "AGENT"}]}]
    out = [
        build("send", "send", {"request": text}, request("POST", "me/messages", body=text)),
        build("send_with_proof", "send", {"request": text},
              request("POST", "me/messages", body=text, secret=SECRET), config=with_secret),
        build("send_page_id_version_base", "send", {"request": text},
              request("POST", "106000000000001/messages", body=text, base="http://127.0.0.1:8080", version="v25.0"),
              config={"page_id": "106000000000001", "version": "v25.0", "base_url": "http://127.0.0.1:8080/"}),
        build("sender_action", "sender_action", {"psid": PSID, "action": "typing_on"},
              request("POST", "me/messages", body={"recipient": {"id": PSID}, "sender_action": "typing_on"})),
        build("react", "react", {"psid": PSID, "message_id": "m_1", "emoji": "\u2764\ufe0f"},
              request("POST", "me/messages", body={"recipient": {"id": PSID}, "sender_action": "react",
                                                   "payload": {"message_id": "m_1", "reaction": "\u2764\ufe0f"}})),
        build("unreact", "react", {"psid": PSID, "message_id": "m_1"},
              request("POST", "me/messages", body={"recipient": {"id": PSID}, "sender_action": "unreact",
                                                   "payload": {"message_id": "m_1"}})),
        build("upload_url", "upload_url", {"type": "image", "url": "https://cdn.example.com/a.png"},
              request("POST", "me/message_attachments", body={"message": {"attachment": {
                  "type": "image", "payload": {"url": "https://cdn.example.com/a.png", "is_reusable": True}}}})),
        build("upload_url_instagram", "upload_url",
              {"type": "image", "url": "https://cdn.example.com/a.png", "platform": "instagram"},
              request("POST", "me/message_attachments", body={"platform": "instagram", "message": {"attachment": {
                  "type": "image", "payload": {"url": "https://cdn.example.com/a.png", "is_reusable": True}}}}),
              flags=["instagram"]),
        build("profile_get", "profile_get", {"fields": ["get_started", "greeting"]},
              request("GET", "me/messenger_profile", [("fields", "get_started,greeting")], secret=SECRET),
              config=with_secret),
        build("profile_get_instagram", "profile_get", {"fields": ["ice_breakers"], "platform": "instagram"},
              request("GET", "me/messenger_profile", [("fields", "ice_breakers"), ("platform", "instagram")]),
              flags=["instagram"]),
        build("profile_set", "profile_set", {"profile": {"get_started": {"payload": "START"}}},
              request("POST", "me/messenger_profile", body={"get_started": {"payload": "START"}})),
        build("profile_delete", "profile_delete", {"fields": ["persistent_menu", "get_started"]},
              request("DELETE", "me/messenger_profile", body={"fields": ["persistent_menu", "get_started"]})),
        build("user_menu_set", "user_menu_set", {"psid": PSID, "menu": menu},
              request("POST", "me/custom_user_settings", body={"psid": PSID, "persistent_menu": menu})),
        build("user_menu_get", "user_menu_get", {"psid": PSID},
              request("GET", "me/custom_user_settings", [("psid", PSID)])),
        build("user_menu_delete", "user_menu_delete", {"psid": PSID},
              request("DELETE", "me/custom_user_settings", [("psid", PSID), ("params", '["persistent_menu"]')])),
        build("pass_thread", "thread_control",
              {"call": "pass", "psid": PSID, "target_app_id": "263902037430900", "metadata": "escalated"},
              request("POST", "me/pass_thread_control", body={"recipient": {"id": PSID},
                                                               "target_app_id": "263902037430900",
                                                               "metadata": "escalated"})),
        build("take_thread", "thread_control", {"call": "take", "psid": PSID},
              request("POST", "me/take_thread_control", body={"recipient": {"id": PSID}})),
        build("request_thread", "thread_control", {"call": "request", "psid": PSID, "metadata": "please"},
              request("POST", "me/request_thread_control", body={"recipient": {"id": PSID}, "metadata": "please"})),
        build("release_thread", "thread_control", {"call": "release", "psid": PSID},
              request("POST", "me/release_thread_control", body={"recipient": {"id": PSID}})),
        build("thread_owner", "thread_owner", {"psid": PSID},
              request("GET", "me/thread_owner", [("recipient", PSID)])),
        build("secondary_receivers", "secondary_receivers", {},
              request("GET", "me/secondary_receivers", [("fields", "id,name")])),
        build("user_profile_default_fields", "user_profile", {"psid": PSID},
              request("GET", PSID, [("fields", "id,name,first_name,last_name,profile_pic")])),
        build("user_profile_chosen_fields", "user_profile", {"psid": PSID, "fields": ["first_name", "locale"]},
              request("GET", PSID, [("fields", "first_name,locale")])),
        build("persona_create", "persona_create", {"name": "Alex", "profile_picture_url": "https://cdn.example.com/alex.png"},
              request("POST", "me/personas", body={"name": "Alex", "profile_picture_url": "https://cdn.example.com/alex.png"})),
        build("personas", "personas", {}, request("GET", "me/personas")),
        build("persona_delete", "persona_delete", {"persona_id": "9000"}, request("DELETE", "9000")),
        build("accounts", "accounts", {}, request("GET", "me/accounts", [("fields", "id,name,access_token,tasks")])),
        build("subscribed_apps", "subscribed_apps", {}, request("GET", "me/subscribed_apps")),
        build("subscribe_default_fields", "subscribe", {},
              request("POST", "me/subscribed_apps", body={"subscribed_fields": SUBSCRIPTION})),
        build("subscribe_chosen_fields", "subscribe", {"fields": ["messages"]},
              request("POST", "me/subscribed_apps", body={"subscribed_fields": "messages"})),
        build("permissions", "permissions", {}, request("GET", "me/permissions", secret=SECRET), config=with_secret),
        build("me", "me", {}, request("GET", "me", [("fields", "id,name")])),
        build("debug_token_as_get", "debug_token", {"input_token": "EAAGinspected+/="},
              request("GET", "debug_token", [("input_token", "EAAGinspected+/=")]), flags=("legacy_free",)),
    ]
    items = [{"method": "POST", "relative_url": "me/messages", "body": {"recipient": {"id": PSID}, "message": {"text": "a&b"}}},
             {"method": "GET", "relative_url": "/me?fields=id"}]
    batch = json.dumps([
        {"method": "POST", "relative_url": f"me/messages?appsecret_proof={proof()}",
         "body": form([("message", json.dumps({"text": "a&b"}, separators=(",", ":"))),
                       ("recipient", json.dumps({"id": PSID}, separators=(",", ":")))])},
        {"method": "GET", "relative_url": f"me?fields=id&appsecret_proof={proof()}"},
    ], separators=(",", ":"))
    out.append(build("batch_with_proof_in_every_item", "batch", {"items": items},
                     {"method": "POST", "url": f"{BASE}/{VERSION}?appsecret_proof={proof()}",
                      "headers": [["Authorization", f"Bearer {TOKEN}"], ["Content-Type", "application/x-www-form-urlencoded"]],
                      "body": form([("batch", batch), ("include_headers", "false")])},
                     config=with_secret))
    too_many = [{"method": "GET", "relative_url": "me"}] * 51
    for id_, items_, code in [("batch_over_50", too_many, "limit_exceeded"), ("batch_empty", [], "required")]:
        inp = {"kind": "request", "config": {"token": TOKEN}, "call": "batch", "args": {"items": items_}}
        out.append(make_case("graph/request/" + id_, inp, {"error": {"code": code, "field": "batch"}}))
    # An unset environment variable gives an empty token: refused before any request.
    for id_, config in [("token_missing", {}), ("token_empty", {"token": ""}), ("token_blank", {"token": "  "})]:
        inp = {"kind": "request", "config": config, "call": "me", "args": {}}
        out.append(make_case("graph/request/" + id_, inp, {"error": {"code": "required", "field": "token"}}))
    # A misspelt setting would otherwise be ignored (the default used in its place).
    for id_, config, key in [("config_key_unknown", {"token": TOKEN, "base_uri": "http://127.0.0.1:9"}, "base_uri")]:
        inp = {"kind": "request", "config": config, "call": "me", "args": {}}
        out.append(make_case("graph/request/" + id_, inp, {"error": {"code": "invalid_input", "field": key}}))
    # A call's arguments are read as the typed call (graph::GraphCall): a misspelt one is
    # refused, not ignored; a missing or mistyped one is named at args.<name>.
    for id_, call, args, code, field in [
        ("args_key_unknown", "user_profile", {"psid": PSID, "feilds": ["name"]}, "invalid_input", "args.feilds"),
        ("args_key_unknown_no_args_call", "me", {"fields": "id"}, "invalid_input", "args.fields"),
        ("args_required", "user_profile", {}, "required", "args.psid"),
        ("args_mistyped", "user_profile", {"psid": 6500000000000001}, "invalid_input", "args.psid"),
        ("args_nested_unknown", "thread_control", {"call": "pazz", "psid": PSID}, "invalid_input", "args.call"),
        ("call_unknown", "user_profiles", {"psid": PSID}, "invalid_input", "call"),
    ]:
        inp = {"kind": "request", "config": {"token": TOKEN}, "call": call, "args": args}
        out.append(make_case("graph/request/" + id_, inp, {"error": {"code": code, "field": field}}))
    return out


def envelope(code, subcode=None, **more):
    error = {"message": "(#%d) vector" % code, "type": "OAuthException", "code": code, "fbtrace_id": "AVector"}
    if subcode is not None:
        error["error_subcode"] = subcode
    error.update(more)
    return json.dumps({"error": error})


def classified(id_, status, body, class_, *, headers=(), retry_after=None, flags=(), comment=None, **graph):
    retryable = class_ in ("rate_limited", "transient")
    expect = {"code": "graph_" + class_, "retryable": retryable,
              "graph": {"class": class_, "status": status, **graph, "attempts": 0}}
    if retry_after is not None:
        expect["graph"]["retry_after"] = retry_after
    inp = {"kind": "response", "status": status, "headers": [list(h) for h in headers], "body": body}
    return make_case("graph/response/" + id_, inp, {"ok": {"error": expect}}, flags=flags, comment=comment)


def graph_fields(code, subcode=None, **more):
    out = {"code": code, "type": "OAuthException", "message": "(#%d) vector" % code, "fbtrace_id": "AVector"}
    if subcode is not None:
        out["subcode"] = subcode
    out.update(more)
    return out


def response_cases():
    table = [
        ("auth_password_changed", 400, 190, 460, "auth"),
        ("auth_expired", 400, 190, 463, "auth"),
        ("auth_app_removed", 400, 190, 458, "auth"),
        ("auth_no_subcode", 401, 190, None, "auth"),
        ("permission_10", 403, 10, None, "permission"),
        ("permission_200", 403, 200, None, "permission"),
        ("permission_230", 403, 230, None, "permission"),
        ("permission_user_profile", 400, 100, 2018247, "permission"),
        ("outside_window", 400, 10, 2018278, "outside_window"),
        ("outside_window_instagram", 400, 10, 2534022, "outside_window"),
        ("recipient_551", 400, 551, 1545041, "recipient_unavailable"),
        ("recipient_no_matching_user", 400, 100, 2018001, "recipient_unavailable"),
        ("invalid_parameter", 400, 100, None, "invalid_parameter"),
        ("invalid_parameter_retired_tag", 400, 100, 2018381, "invalid_parameter"),
        ("attachment_fetch_failed", 400, 100, 2018109, "attachment_fetch_failed"),
        ("policy_368", 400, 368, 1390008, "policy_blocked"),
        ("policy_10_1893063", 400, 10, 1893063, "policy_blocked"),
        ("thread_controlled_elsewhere", 400, 10, 2018300, "thread_controlled_elsewhere"),
        ("transient_1", 500, 1, None, "transient"),
        ("transient_2", 503, 2, None, "transient"),
        ("transient_1200", 500, 1200, None, "transient"),
        ("unknown_code", 400, 12345, None, "unknown"),
    ]
    out = [classified(id_, status, envelope(code, sub), cls, **graph_fields(code, sub))
           for id_, status, code, sub, cls in table]
    for code in (4, 17, 32, 613, 80006):
        out.append(classified(f"rate_limited_{code}", 400, envelope(code), "rate_limited", **graph_fields(code)))
    out += [
        classified("is_transient_flag", 500, envelope(9999, is_transient=True), "transient",
                   **graph_fields(9999), is_transient=True),
        classified("user_title_and_message", 400, envelope(100, 2018109, error_user_title="Upload failed",
                                                          error_user_msg="The file could not be fetched"),
                   "attachment_fetch_failed", user_title="Upload failed",
                   user_message="The file could not be fetched", **graph_fields(100, 2018109)),
        classified("retry_after_header", 400, envelope(613), "rate_limited", headers=[("Retry-After", "120")],
                   retry_after=120, flags=["retry_after"], **graph_fields(613)),
        classified("retry_after_business_usage", 400, envelope(80006), "rate_limited",
                   headers=[("X-Business-Use-Case-Usage", json.dumps({"106": [{
                       "type": "messenger", "call_count": 100, "total_cputime": 10, "total_time": 12,
                       "estimated_time_to_regain_access": 7}]}))],
                   retry_after=420, flags=["retry_after"], **graph_fields(80006)),
        classified("html_502", 502, "<html>Bad Gateway</html>", "transient", flags=["not_graph"],
                   raw_body="<html>Bad Gateway</html>"),
        classified("empty_500", 500, "", "transient", flags=["not_graph"], raw_body=""),
        classified("plain_404", 404, "Not Found", "unknown", flags=["not_graph"], raw_body="Not Found"),
        classified("reflected_credentials_redacted", 502,
                   '{"headers":{"authorization":"Bearer EAAGpagetoken"},"query":"access_token=EAAGqueryone&x=1",'
                   '"input_token":"EAAGinspected"}',
                   "transient", flags=["not_graph"],
                   raw_body='{"headers":{"authorization":"Bearer [redacted]"},"query":"access_token=[redacted]&x=1",'
                            '"input_token":"[redacted]"}',
                   comment="a proxy that reflects the request: no credential comes back in raw_body"),
        classified("error_in_a_200", 200, envelope(100), "invalid_parameter", **graph_fields(100),
                   comment="batch items and some edges answer 200 with an error object"),
    ]
    ok = [
        ("send", 200, json.dumps({"recipient_id": PSID, "message_id": "m_AbC"}), {"recipient_id": PSID, "message_id": "m_AbC"}),
        ("upload", 200, json.dumps({"attachment_id": "1857777774821032"}), {"attachment_id": "1857777774821032"}),
        ("success_true", 200, '{"success":true}', {"success": True}),
        ("not_json_success", 200, "true-ish", "true-ish"),
    ]
    for id_, status, body, value in ok:
        inp = {"kind": "response", "status": status, "headers": [], "body": body}
        out.append(make_case("graph/response/ok_" + id_, inp, {"ok": {"ok": value}}))
    return out


def usage_cases():
    app = {"call_count": 28, "total_time": 25, "total_cputime": 9}
    page = {"call_count": "3", "total_time": 91.5, "total_cputime": 1}
    buc = {"106": [{"type": "messenger", "call_count": 12, "total_cputime": 4, "total_time": 5,
                    "estimated_time_to_regain_access": 0}]}
    both = [["X-App-Usage", json.dumps(app)], ["x-page-usage", json.dumps(page)],
            ["X-Business-Use-Case-Usage", json.dumps(buc)]]
    return [
        make_case("graph/usage/all_three", {"kind": "usage", "headers": both},
                  {"ok": {"highest": 91.5, "regain_after_seconds": None}}),
        make_case("graph/usage/none", {"kind": "usage", "headers": [["Content-Type", "application/json"]]},
                  {"ok": {"highest": None, "regain_after_seconds": None}}),
        make_case("graph/usage/malformed_ignored", {"kind": "usage", "headers": [["X-App-Usage", "{oops"]]},
                  {"ok": {"highest": None, "regain_after_seconds": None}}),
        make_case("graph/usage/regain", {"kind": "usage", "headers": [["X-Business-Use-Case-Usage", json.dumps(
            {"106": [{"type": "messenger", "call_count": 100, "total_cputime": 3, "total_time": 2,
                      "estimated_time_to_regain_access": 15}]})]]},
                  {"ok": {"highest": 100.0, "regain_after_seconds": 900}}),
    ]


def user_profile_cases():
    profile = {"id": PSID, "first_name": "Ana", "last_name": "Silva",
               "profile_pic": "https://platform-lookaside.fbsbx.com/p.jpg", "locale": "pt_BR"}
    rows = [
        ("found", 200, json.dumps(profile), {"ok": {"profile": profile}}),
        ("no_profile_available", 400, envelope(100, 2018218), {"ok": {"profile": None}}),
        ("insufficient_permission", 400, envelope(100, 2018247), {"ok": {"profile": None}}),
        ("dead_token_is_still_an_error", 400, envelope(190, 460), {"error": {"code": "graph_auth"}}),
    ]
    return [make_case("graph/user_profile/" + id_, {"kind": "user_profile", "status": status, "headers": [], "body": body},
                      expect, comment="a profile Meta will not give is normal, not an error" if status == 400 and "profile" in expect.get("ok", {}) else None)
            for id_, status, body, expect in rows]


def diagnose_cases():
    """`findings` from the three answers; compared as (code, severity) in order."""
    def ok(body):
        return {"status": 200, "body": json.dumps(body)}

    good_token = {"data": {"is_valid": True, "type": "PAGE", "app_id": "777", "profile_id": "106",
                           "scopes": ["pages_messaging", "pages_manage_metadata", "pages_show_list"]}}
    all_fields = {"data": [{"id": "777", "name": "Helpdesk", "subscribed_fields": SUBSCRIPTION.split(",")}]}
    menu_and_start = {"data": [{"get_started": {"payload": "GO"}, "persistent_menu": [{"locale": "default"}]}]}
    menu_only = {"data": [{"persistent_menu": [{"locale": "default"}]}]}
    some_fields = {"data": [{"id": "777", "subscribed_fields": ["messages"]}]}
    other_app = {"data": [{"id": "555", "subscribed_fields": SUBSCRIPTION.split(",")}]}
    user_token = {"data": {**good_token["data"], "type": "USER", "scopes": ["pages_messaging"]}}
    invalid = {"data": {"is_valid": False, "error": {"message": "Session has expired"}}}
    rows = [
        ("healthy", ok(good_token), ok(all_fields), ok(menu_and_start),
         [("token_valid", "ok"), ("permission_granted", "ok"), ("permission_granted", "ok"),
          ("subscription_complete", "ok"), ("profile_consistent", "ok")]),
        ("menu_without_get_started_and_missing_fields", ok(good_token), ok(some_fields), ok(menu_only),
         [("get_started_missing", "error"), ("subscription_fields_missing", "warning"), ("token_valid", "ok"),
          ("permission_granted", "ok"), ("permission_granted", "ok")]),
        ("user_token_missing_a_permission", ok(user_token), ok(all_fields), ok({"data": []}),
         [("permission_missing", "error"), ("token_not_page", "warning"), ("token_valid", "ok"),
          ("permission_granted", "ok"), ("subscription_complete", "ok"), ("profile_consistent", "ok")]),
        ("app_not_subscribed", ok(good_token), ok(other_app), ok({"data": []}),
         [("app_not_subscribed", "error"), ("token_valid", "ok"), ("permission_granted", "ok"),
          ("permission_granted", "ok"), ("profile_consistent", "ok")]),
        ("token_says_invalid", ok(invalid), ok(all_fields), ok({"data": []}), [("token_invalid", "error")]),
        ("token_dead_190", {"status": 400, "body": envelope(190, 460)}, ok(all_fields), ok({"data": []}),
         [("token_invalid", "error")]),
        ("subscriptions_unreadable", ok(good_token), {"status": 403, "body": envelope(200)}, ok({"data": []}),
         [("check_failed", "error"), ("token_valid", "ok"), ("permission_granted", "ok"),
          ("permission_granted", "ok"), ("profile_consistent", "ok")]),
    ]
    return [make_case("graph/diagnose/" + id_,
                      {"kind": "diagnose", "answers": {"debug_token": t, "subscribed_apps": a, "profile": p}},
                      {"ok": [{"code": c, "severity": sev} for c, sev in want]},
                      comment="findings are compared by code and severity, in order; detail and fix are words")
            for id_, t, a, p, want in rows]


def cases():
    return request_cases() + response_cases() + usage_cases() + user_profile_cases() + diagnose_cases()
