"""Cases for tests/vectors/link.json: m.me and ig.me chat links with a `ref`, parsed back,
their QR codes, and the round trip: the `ref` put into a link is the `ref` the webhook
reports, on the Get Started postback of a new thread and on the referral of an existing one
(messenger-platform.md §12). Expected URLs are written out by hand."""

from common import compact, make_case
from webhook_cases import PAGE, USER, entry, envelope, item

NOTES = {
    "round_trip": "the link's ref is the ref webhook parsing reports, new thread and existing thread",
    "encoding": "a value that needs percent-encoding in the URL",
    "instagram": "an ig.me link to an Instagram account",
}


def link(id_, parts, expect, *, flags=(), comment=None):
    return make_case("link/build/" + id_, {"call": "link", "link": parts}, expect, flags=flags, comment=comment)


def parse(id_, url, expect, *, flags=(), comment=None):
    return make_case("link/parse/" + id_, {"call": "parse", "url": url}, expect, flags=flags, comment=comment)


def err(code, field):
    return {"error": {"code": code, "field": field}}


def build_cases():
    return [
        link("page-with-ref", {"page": "acme.shop", "ref": "spring_sale"}, {"ok": "https://m.me/acme.shop?ref=spring_sale"}),
        link("page-without-ref", {"page": "acme.shop"}, {"ok": "https://m.me/acme.shop"}),
        link("page-by-id", {"page": "106000000000001", "ref": "store-12"}, {"ok": "https://m.me/106000000000001?ref=store-12"}),
        link("equals-sign-is-encoded", {"page": "acme.shop", "ref": "utm=qr"}, {"ok": "https://m.me/acme.shop?ref=utm%3Dqr"},
             flags=["encoding"]),
        link("prefilled-text", {"page": "acme.shop", "ref": "hotel_lobby", "text": "Hi! Room 12 here & I need towels"},
             {"ok": "https://m.me/acme.shop?ref=hotel_lobby&text=Hi%21%20Room%2012%20here%20%26%20I%20need%20towels"},
             flags=["encoding"], comment="Meta's m.me page documents `text` for a customised first message"),
        link("ref-at-its-limit", {"page": "acme.shop", "ref": "r" * 2083}, {"ok": "https://m.me/acme.shop?ref=" + "r" * 2083}),
        link("ref-over-its-limit", {"page": "acme.shop", "ref": "r" * 2084}, err("limit_exceeded", "ref"),
             comment="Meta: a string of up to 2,083 characters"),
        link("ref-with-a-space", {"page": "acme.shop", "ref": "spring sale"}, err("invalid_input", "ref")),
        link("ref-with-a-slash", {"page": "acme.shop", "ref": "a/b"}, err("invalid_input", "ref")),
        link("ref-not-ascii", {"page": "acme.shop", "ref": "été"}, err("invalid_input", "ref")),
        link("ref-empty", {"page": "acme.shop", "ref": ""}, err("required", "ref")),
        link("page-with-a-space", {"page": "acme shop"}, err("invalid_input", "page")),
        link("no-account", {"ref": "x"}, err("required", "page")),
        link("both-accounts", {"page": "acme.shop", "instagram": "acme.shop"}, err("conflict", "instagram")),
        link("instagram-with-ref", {"instagram": "acme.shop", "ref": "bio_link"}, {"ok": "https://ig.me/m/acme.shop?ref=bio_link"},
             flags=["instagram"]),
        link("instagram-handle-with-at", {"instagram": "@acme.shop"}, err("invalid_input", "instagram"), flags=["instagram"]),
        link("instagram-takes-no-text", {"instagram": "acme.shop", "text": "hi"}, err("unsupported", "text"), flags=["instagram"]),
        link("unknown-key", {"page": "acme.shop", "reff": "x"}, err("invalid_input", "link"),
             comment="a misspelt key is refused, never ignored"),
    ]


def parse_cases():
    return [
        parse("m-me-with-ref", "https://m.me/acme.shop?ref=spring_sale", {"ok": {"page": "acme.shop", "ref": "spring_sale"}}),
        parse("http-www-and-encoded", "http://www.m.me/acme.shop/?ref=utm%3Dqr&text=Hello+and%20welcome",
              {"ok": {"page": "acme.shop", "ref": "utm=qr", "text": "Hello and welcome"}}, flags=["encoding"]),
        parse("other-parameters-kept", "https://m.me/acme.shop?utm_source=flyer&ref=x",
              {"ok": {"page": "acme.shop", "ref": "x", "other": [["utm_source", "flyer"]]}}),
        parse("ig-me", "https://ig.me/m/acme.shop?ref=bio_link", {"ok": {"instagram": "acme.shop", "ref": "bio_link"}},
              flags=["instagram"]),
        parse("not-a-chat-link", "https://www.facebook.com/acme.shop", err("invalid_input", "url")),
        parse("ig-me-without-m", "https://ig.me/acme.shop", err("invalid_input", "url"), flags=["instagram"]),
        parse("a-ref-meta-would-not-take", "https://m.me/acme.shop?ref=a%20b", err("invalid_input", "ref")),
        parse("broken-escape", "https://m.me/acme.shop?ref=%zz", err("invalid_input", "url")),
    ]


def round_trip_cases():
    def case(id_, reference):
        referral = {"ref": reference, "source": "SHORTLINK", "type": "OPEN_THREAD"}
        body = compact(envelope(entry(messaging=[
            item("postback", {"title": "Get Started", "payload": "GET_STARTED", "referral": referral}, sender=USER, recipient=PAGE),
            item("referral", referral, sender=USER, recipient=PAGE)])))
        parts = {"page": "acme.shop", "ref": reference}
        return make_case("link/round_trip/" + id_, {"call": "round_trip", "link": parts, "body": body},
                         {"ok": {"parsed": parts, "refs": [reference, reference]}}, flags=["round_trip"],
                         comment="a new thread (Get Started postback) and an existing one (messaging_referrals)")

    return [case("plain", "spring_sale"), case("every-allowed-character", "Az09-_=x=="),
            case("long", "campaign-" + "9" * 2000)]


def qr_cases():
    def qr(id_, text, options, expect):
        return make_case("link/qr/" + id_, {"call": "qr", "text": text, "options": options}, expect,
                         comment="ok cases compare whether an SVG document came out; scripts/test decodes one with zbarimg")
    url = "https://m.me/acme.shop?ref=spring_sale"
    return [
        qr("default", url, {}, {"ok": True}),
        qr("level-h-and-size", url, {"level": "H", "size": 512}, {"ok": True}),
        qr("empty-text", "", {}, err("required", "text")),
        qr("size-too-large", url, {"size": 100000}, err("limit_exceeded", "options.size")),
        qr("unknown-level", url, {"level": "X"}, err("invalid_input", "options")),
    ]


def cases():
    return build_cases() + parse_cases() + round_trip_cases() + qr_cases()
