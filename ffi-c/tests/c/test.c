/* The C suite: written from include/msgrkit.h and the README only. Run under valgrind by
 * scripts/test against both libmsgrkit.a and libmsgrkit.so. */
#define _POSIX_C_SOURCE 200809L /* pthreads under -std=c11 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msgrkit.h"

static int passed = 0, failed = 0;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (cond) {                                                        \
            passed++;                                                      \
        } else {                                                           \
            failed++;                                                      \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                  \
    } while (0)

#define SECRET "c-test-secret"
static const char BODY[] =
    "{\"object\":\"page\",\"entry\":[{\"id\":\"106\",\"time\":1763712000500,\"messaging\":["
    "{\"sender\":{\"id\":\"65\"},\"recipient\":{\"id\":\"106\"},\"timestamp\":1763712000100,"
    "\"message\":{\"mid\":\"m_1\",\"text\":\"Gr\\u00fc\\u00dfe\"}},"
    "{\"sender\":{\"id\":\"65\"},\"recipient\":{\"id\":\"106\"},\"timestamp\":1763712000200,"
    "\"brand_new_event\":{\"x\":1}}]}]}";

static const uint8_t *u8(const char *s) { return (const uint8_t *)s; }

static void test_version(void) {
    CHECK(strcmp(msgrkit_version(), MSGRKIT_VERSION) == 0);
    CHECK(MSGRKIT_VERSION_MAJOR == 0 && MSGRKIT_VERSION_MINOR >= 1);
}

static void test_signature(void) {
    char *header = NULL;
    CHECK(msgrkit_sign(u8(SECRET), strlen(SECRET), u8(BODY), strlen(BODY), &header) == MSGRKIT_RESULT_OK);
    CHECK(header != NULL && strncmp(header, "sha256=", 7) == 0 && strlen(header) == 71);
    CHECK(msgrkit_verify_signature(u8(SECRET), strlen(SECRET), u8(BODY), strlen(BODY), header) == MSGRKIT_RESULT_OK);

    /* One changed byte in the body. */
    char *copy = malloc(sizeof BODY);
    memcpy(copy, BODY, sizeof BODY);
    copy[10] ^= 1;
    msgrkit_result r = msgrkit_verify_signature(u8(SECRET), strlen(SECRET), u8(copy), strlen(copy), header);
    CHECK(r == MSGRKIT_RESULT_SIGNATURE_MISMATCH);
    CHECK(strcmp(msgrkit_result_code(r), "signature_mismatch") == 0);
    size_t needed = msgrkit_last_error(NULL, 0);
    CHECK(needed > 1);
    char small[8];
    CHECK(msgrkit_last_error(small, sizeof small) == needed && strlen(small) == sizeof small - 1);
    free(copy);

    CHECK(msgrkit_verify_signature(u8(""), 0, u8(BODY), strlen(BODY), header) == MSGRKIT_RESULT_APP_SECRET_EMPTY);
    CHECK(msgrkit_verify_signature(u8(SECRET), strlen(SECRET), u8(BODY), strlen(BODY), "sha1=0000000000000000000000000000000000000000") ==
          MSGRKIT_RESULT_SIGNATURE_SHA1_NOT_ALLOWED);
    CHECK(msgrkit_verify_signature_allow_sha1(u8(SECRET), strlen(SECRET), u8(BODY), strlen(BODY),
                                              "sha1=0000000000000000000000000000000000000000") == MSGRKIT_RESULT_SIGNATURE_MISMATCH);
    msgrkit_string_free(header);
    msgrkit_string_free(NULL);
}

static void test_nulls_and_utf8(void) {
    char *out = (char *)0x1; /* must stay untouched on failure */
    CHECK(msgrkit_verify_signature(NULL, 3, u8(BODY), 1, "sha256=00") == MSGRKIT_RESULT_NULL_PARAMETER);
    CHECK(msgrkit_verify_signature(u8(SECRET), strlen(SECRET), u8(BODY), strlen(BODY), NULL) == MSGRKIT_RESULT_NULL_PARAMETER);
    CHECK(msgrkit_parse_webhook(u8(BODY), strlen(BODY), NULL) == MSGRKIT_RESULT_NULL_PARAMETER);
    CHECK(msgrkit_parse_webhook(NULL, 5, &out) == MSGRKIT_RESULT_NULL_PARAMETER && out == (char *)0x1);
    CHECK(msgrkit_transcode(NULL, "{}", NULL, &out) == MSGRKIT_RESULT_NULL_PARAMETER && out == (char *)0x1);
    CHECK(msgrkit_decide_policy("\xff\xfe", &out) == MSGRKIT_RESULT_INVALID_UTF8_PARAMETER && out == (char *)0x1);
    CHECK(strcmp(msgrkit_result_code(MSGRKIT_RESULT_INVALID_UTF8_PARAMETER), "invalid_utf8_parameter") == 0);
    CHECK(msgrkit_parse_webhook(u8("\xff{}"), 3, &out) == MSGRKIT_RESULT_INVALID_UTF8 && out == (char *)0x1);
    CHECK(msgrkit_parse_webhook(u8("[]"), 2, &out) == MSGRKIT_RESULT_INVALID_ENVELOPE);
    CHECK(strcmp(msgrkit_result_code(9999), "unknown_error") == 0);
}

static void test_handshake(void) {
    char *challenge = NULL;
    CHECK(msgrkit_verify_handshake("/webhook?hub.mode=subscribe&hub.verify_token=tok&hub.challenge=1158201444", "tok",
                                   &challenge) == MSGRKIT_RESULT_OK);
    CHECK(challenge != NULL && strcmp(challenge, "1158201444") == 0);
    msgrkit_string_free(challenge);
    challenge = NULL;
    CHECK(msgrkit_verify_handshake("hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", "tok", &challenge) ==
          MSGRKIT_RESULT_VERIFY_TOKEN_MISMATCH);
    CHECK(challenge == NULL);
}

static void test_parse(void) {
    char *json = NULL;
    CHECK(msgrkit_parse_webhook(u8(BODY), strlen(BODY), &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"type\":\"message\"") != NULL);
    CHECK(strstr(json, "\"type\":\"unknown\"") != NULL && strstr(json, "brand_new_event") != NULL);
    CHECK(strstr(json, "Grüße") != NULL);
    msgrkit_string_free(json);
    CHECK(msgrkit_last_error(NULL, 0) == 1); /* empty after a success */
}

static void test_huge_input(void) {
    /* 1 MiB of one JSON string: refused as an envelope, never a crash. */
    size_t n = 1u << 20;
    char *big = malloc(n + 3);
    big[0] = '"';
    memset(big + 1, 'a', n);
    big[n + 1] = '"';
    big[n + 2] = 0;
    char *json = NULL;
    CHECK(msgrkit_parse_webhook(u8(big), n + 2, &json) == MSGRKIT_RESULT_INVALID_ENVELOPE && json == NULL);
    char *header = NULL;
    CHECK(msgrkit_sign(u8(SECRET), strlen(SECRET), u8(big), n + 2, &header) == MSGRKIT_RESULT_OK);
    CHECK(msgrkit_verify_signature(u8(SECRET), strlen(SECRET), u8(big), n + 2, header) == MSGRKIT_RESULT_OK);
    msgrkit_string_free(header);
    free(big);
}

static void test_hostile_input(void) {
    /* Over the caller's limit: refused before it is read. */
    char *json = NULL;
    CHECK(msgrkit_parse_webhook_limited(u8(BODY), strlen(BODY), strlen(BODY) - 1, &json) == MSGRKIT_RESULT_BODY_TOO_LARGE &&
          json == NULL);
    CHECK(strcmp(msgrkit_result_code(MSGRKIT_RESULT_BODY_TOO_LARGE), "body_too_large") == 0);
    CHECK(msgrkit_parse_webhook_limited(u8(BODY), strlen(BODY), strlen(BODY), &json) == MSGRKIT_RESULT_OK && json != NULL);
    msgrkit_string_free(json);
    json = NULL;
    /* 10,000 nested arrays, as a body and as a message: a code, never a stack overflow. */
    size_t depth = 10000;
    char *deep = malloc(2 * depth + 1);
    memset(deep, '[', depth);
    memset(deep + depth, ']', depth);
    deep[2 * depth] = 0;
    msgrkit_result r = msgrkit_parse_webhook(u8(deep), 2 * depth, &json);
    CHECK(r == MSGRKIT_RESULT_NESTING_TOO_DEEP && json == NULL);
    CHECK(strcmp(msgrkit_result_code(r), "nesting_too_deep") == 0);
    CHECK(msgrkit_validate(deep, NULL, &json) == MSGRKIT_RESULT_NESTING_TOO_DEEP && json == NULL);
    CHECK(msgrkit_compose(deep, NULL, &json) == MSGRKIT_RESULT_NESTING_TOO_DEEP && json == NULL);
    CHECK(msgrkit_transcode("sinch", deep, NULL, &json) == MSGRKIT_RESULT_NESTING_TOO_DEEP && json == NULL);
    free(deep);
}

/* Each thread fails differently, waits until all have failed, then reads its own error. */
enum { THREADS = 8 };
static pthread_barrier_t all_failed;
struct thread_result { msgrkit_result result; char code[64]; int own_message; };

static void *thread_main(void *arg) {
    struct thread_result *out = arg;
    int index = out->own_message; /* the thread's index, passed in */
    char *json = NULL;
    if (index % 2 == 0) {
        out->result = msgrkit_parse_webhook(u8("{nope"), 5, &json);
    } else {
        out->result = msgrkit_verify_signature(u8(SECRET), strlen(SECRET), u8(BODY), strlen(BODY),
                                               "sha256=0000000000000000000000000000000000000000000000000000000000000000");
    }
    pthread_barrier_wait(&all_failed);
    char message[256];
    msgrkit_last_error(message, sizeof message);
    const char *expected = index % 2 == 0 ? "not valid json" : "does not match";
    out->own_message = strstr(message, expected) != NULL;
    snprintf(out->code, sizeof out->code, "%s", msgrkit_result_code(out->result));
    return NULL;
}

static void test_threads(void) {
    pthread_t threads[THREADS];
    struct thread_result results[THREADS];
    CHECK(pthread_barrier_init(&all_failed, NULL, THREADS) == 0);
    for (int i = 0; i < THREADS; i++) {
        results[i].own_message = i;
        CHECK(pthread_create(&threads[i], NULL, thread_main, &results[i]) == 0);
    }
    for (int i = 0; i < THREADS; i++) CHECK(pthread_join(threads[i], NULL) == 0);
    pthread_barrier_destroy(&all_failed);
    for (int i = 0; i < THREADS; i++) {
        CHECK(strcmp(results[i].code, i % 2 == 0 ? "invalid_json" : "signature_mismatch") == 0);
        CHECK(results[i].own_message); /* the last error is per thread */
    }
}

static void test_send_side(void) {
    char *json = NULL;
    CHECK(msgrkit_transcode("smooch", "{\"type\":\"text\",\"text\":\"Hi\",\"actions\":[{\"type\":\"reply\",\"text\":\"Yes\",\"payload\":\"Y\"}]}",
                            NULL, &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"quick_replies\"") != NULL);
    msgrkit_string_free(json);
    json = NULL;
    CHECK(msgrkit_transcode("whatsapp", "{}", NULL, &json) == MSGRKIT_RESULT_INVALID_INPUT && json == NULL);
    CHECK(msgrkit_transcode("neutral", "{\"text\":\"Buy\",\"actions\":[{\"type\":\"buy\",\"title\":\"Buy\",\"amount\":9,\"currency\":\"usd\"}]}",
                            NULL, &json) == MSGRKIT_RESULT_UNSUPPORTED);

    CHECK(msgrkit_validate("{\"recipient\":{\"id\":\"1\"},\"messaging_type\":\"MESSAGE_TAG\",\"tag\":\"POST_PURCHASE_UPDATE\","
                           "\"message\":{\"text\":\"x\"}}",
                           "{\"as_of\":\"2026-11-21\"}", &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"retired\"") != NULL);
    msgrkit_string_free(json);
    json = NULL;
    CHECK(msgrkit_validate("{\"recipient\":{\"id\":\"1\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"x\"}}", NULL, &json) ==
          MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strcmp(json, "{\"violations\":[]}") == 0);
    msgrkit_string_free(json);
    json = NULL;
    CHECK(msgrkit_validate("not json", NULL, &json) == MSGRKIT_RESULT_INVALID_JSON && json == NULL);

    /* A refusal fails the call, as Python's PolicyError does; the details hold all of it. */
    char details[512];
    CHECK(msgrkit_decide_policy("{\"last_user_activity\":1763712000000,\"now\":1763820000000,\"author\":\"bot\"}", &json) ==
          MSGRKIT_RESULT_OUTSIDE_WINDOW);
    CHECK(json == NULL && strcmp(msgrkit_result_code(MSGRKIT_RESULT_OUTSIDE_WINDOW), "outside_window") == 0);
    CHECK(msgrkit_last_error_details(details, sizeof details) < sizeof details);
    CHECK(strstr(details, "\"refusal\":{") != NULL && strstr(details, "\"window_closed_at\":1763798400000") != NULL);

    /* One invalid message among three: nothing is prepared, every violation is in the details. */
    CHECK(msgrkit_prepare_send("{\"recipient\":\"1\",\"messages\":[{\"text\":\"a\"},{\"messenger\":{\"text\":\"Pick\",\"quick_replies\":"
                               "[{\"content_type\":\"text\",\"title\":\"a title far too long for Meta\",\"payload\":\"P\"}]}},"
                               "{\"text\":\"c\"}]}",
                               &json) == MSGRKIT_RESULT_VALIDATION_FAILED);
    CHECK(json == NULL && msgrkit_last_error_details(details, sizeof details) < sizeof details);
    CHECK(strstr(details, "\"violations\":[{") != NULL && strstr(details, "messages[1].quick_replies[0].title") != NULL);
    CHECK(msgrkit_decide_policy("{\"last_user_activity\":0,\"now\":1}", &json) == MSGRKIT_RESULT_OK);
    CHECK(msgrkit_last_error_details(details, sizeof details) == 1 && details[0] == '\0');
    msgrkit_string_free(json);
}

static void test_graph(void) {
    char *json = NULL;
    CHECK(msgrkit_graph_request("{\"token\":\"EAAGsecret\",\"app_secret\":\"s\"}", "me", NULL, &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "appsecret_proof=") != NULL);
    CHECK(strstr(json, "\"url\":\"https://graph.facebook.com/v27.0/me?") != NULL);
    msgrkit_string_free(json);
    json = NULL;
    CHECK(msgrkit_graph_request("{}", "me", NULL, &json) == MSGRKIT_RESULT_REQUIRED && json == NULL);

    const char *dead = "{\"error\":{\"message\":\"x\",\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":460}}";
    CHECK(msgrkit_graph_parse_response(400, NULL, u8(dead), strlen(dead), &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"code\":\"graph_auth\"") != NULL && strstr(json, "\"retryable\":false") != NULL);
    msgrkit_string_free(json);
    json = NULL;
    const char *limited = "{\"error\":{\"code\":613}}";
    CHECK(msgrkit_graph_parse_response(400, "[[\"Retry-After\",\"30\"]]", u8(limited), strlen(limited), &json) ==
          MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"retry_after\":30") != NULL);
    msgrkit_string_free(json);
}

static void test_client(void) {
    msgrkit_client *client = NULL;
    CHECK(msgrkit_client_new("{}", &client) == MSGRKIT_RESULT_REQUIRED && client == NULL);
    char field[16];
    CHECK(msgrkit_last_error_field(field, sizeof field) == 6 && strcmp(field, "token") == 0);
    /* Port 9 on loopback: nothing listens, so the connection is refused before sending. */
    CHECK(msgrkit_client_new("{\"token\":\"t\",\"base_url\":\"http://127.0.0.1:9\",\"max_attempts\":1}", &client) ==
          MSGRKIT_RESULT_OK);
    char *json = NULL;
    /* An invalid request (no messaging_type) is refused before any connection. */
    CHECK(msgrkit_client_send(client, "{\"recipient\":{\"id\":\"1\"},\"message\":{\"text\":\"x\"}}", &json) ==
          MSGRKIT_RESULT_VALIDATION_FAILED && json == NULL);
    msgrkit_result r = msgrkit_client_send(
        client, "{\"recipient\":{\"id\":\"1\"},\"messaging_type\":\"RESPONSE\",\"message\":{\"text\":\"x\"}}", &json);
    CHECK(r == MSGRKIT_RESULT_GRAPH_TRANSIENT && json == NULL);
    CHECK(strcmp(msgrkit_result_code(r), "graph_transient") == 0);
    CHECK(msgrkit_client_send(client, "not json", &json) == MSGRKIT_RESULT_INVALID_JSON);
    CHECK(msgrkit_client_send(NULL, "{}", &json) == MSGRKIT_RESULT_NULL_PARAMETER);
    msgrkit_client_free(client);
    msgrkit_client_free(NULL);
}

/* The less common calls, each at least once, with ownership handled as documented. */
static void test_secondary(void) {
    char *json = NULL, *header = NULL;
    CHECK(msgrkit_sign(u8(SECRET), strlen(SECRET), u8(BODY), strlen(BODY), &header) == MSGRKIT_RESULT_OK);
    char headers[160];
    snprintf(headers, sizeof headers, "[[\"Content-Type\",\"application/json\"],[\"x-hub-signature-256\",\"%s\"]]", header);
    CHECK(msgrkit_verify_signature_headers(u8(SECRET), strlen(SECRET), u8(BODY), strlen(BODY), headers, false) == MSGRKIT_RESULT_OK);
    CHECK(msgrkit_verify_signature_headers(u8(SECRET), strlen(SECRET), u8(BODY), strlen(BODY), "[]", false) ==
          MSGRKIT_RESULT_SIGNATURE_MISSING);
    msgrkit_string_free(header);

    CHECK(msgrkit_verify_handshake_params("[[\"hub.mode\",\"subscribe\"],[\"hub.verify_token\",\"t\"],[\"hub.challenge\",\"42\"]]", "t",
                                          &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strcmp(json, "42") == 0);
    msgrkit_string_free(json);

    CHECK(msgrkit_events_own_echo(u8(BODY), strlen(BODY), "123", &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strcmp(json, "[false,false]") == 0);
    msgrkit_string_free(json);
    CHECK(msgrkit_events_covered(u8(BODY), strlen(BODY), "[{\"mid\":\"m_9\",\"timestamp\":1}]", &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strcmp(json, "[[],[]]") == 0);
    msgrkit_string_free(json);

    CHECK(msgrkit_normalize("{\"recipient\":{\"id\":\"1\"},\"message\":{\"text\":\"x\"}}", &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"text\":\"x\"") != NULL);
    msgrkit_string_free(json);
    CHECK(msgrkit_compose("{\"text\":\"Hi\"}", NULL, &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"messages\":[{\"text\":\"Hi\"}]") != NULL);
    msgrkit_string_free(json);
    CHECK(msgrkit_menu("smooch", "{\"items\":[{\"type\":\"postback\",\"text\":\"Help\",\"payload\":\"HELP\"}]}", NULL, &json) ==
          MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"persistent_menu\"") != NULL);
    msgrkit_string_free(json);
    CHECK(msgrkit_decide_private_reply("{\"comment_created\":0,\"now\":1000}", &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "refusal") == NULL);
    msgrkit_string_free(json);

    CHECK(msgrkit_graph_usage("[[\"X-App-Usage\",\"{\\\"call_count\\\":42}\"]]", &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"highest\":42") != NULL);
    msgrkit_string_free(json);
    const char *withheld = "{\"error\":{\"code\":100,\"error_subcode\":2018218}}";
    CHECK(msgrkit_graph_parse_user_profile(400, NULL, u8(withheld), strlen(withheld), &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strcmp(json, "{\"profile\":null}") == 0);
    msgrkit_string_free(json);

    CHECK(msgrkit_graph_diagnose_requests("{\"token\":\"t\",\"app_secret\":\"s\"}", "777", &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "Bearer 777|s") != NULL && strstr(json, "subscribed_apps") != NULL);
    msgrkit_string_free(json);
    CHECK(msgrkit_graph_diagnose("{\"debug_token\":{\"status\":400,\"body\":\"{\\\"error\\\":{\\\"code\\\":190}}\"},"
                                 "\"subscribed_apps\":{\"status\":200,\"body\":\"{}\"},\"profile\":{\"status\":200,\"body\":\"{}\"}}",
                                 &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"code\":\"token_invalid\"") != NULL);
    msgrkit_string_free(json);
    json = NULL;
    CHECK(msgrkit_graph_diagnose("{}", &json) == MSGRKIT_RESULT_REQUIRED && json == NULL);
    CHECK(msgrkit_graph_diagnose("not json", &json) == MSGRKIT_RESULT_INVALID_JSON && json == NULL);

    msgrkit_client *client = NULL;
    CHECK(msgrkit_client_new("{\"token\":\"t\",\"base_url\":\"http://127.0.0.1:9\",\"max_attempts\":1}", &client) ==
          MSGRKIT_RESULT_OK);
    json = NULL;
    CHECK(msgrkit_client_call(client, "no_such_call", NULL, &json) == MSGRKIT_RESULT_INVALID_INPUT && json == NULL);
    CHECK(msgrkit_client_call(client, "me", NULL, &json) == MSGRKIT_RESULT_GRAPH_TRANSIENT && json == NULL);
    msgrkit_client_free(client);
}

/* Several app secrets (Instagram Login beside Facebook Login), and a request received
 * whole with its Facebook-API-Version header. */
static void test_several_secrets(void) {
    char *header = NULL;
    CHECK(msgrkit_sign(u8("ig-secret"), 9, u8(BODY), strlen(BODY), &header) == MSGRKIT_RESULT_OK);
    const uint8_t *secrets[] = {u8("fb-secret"), u8("ig-secret")};
    const size_t lens[] = {9, 9};
    size_t index = 99;
    CHECK(msgrkit_verify_signature_any(secrets, lens, 2, u8(BODY), strlen(BODY), header, false, &index) ==
          MSGRKIT_RESULT_OK);
    CHECK(index == 1);
    CHECK(msgrkit_verify_signature_any(secrets, lens, 1, u8(BODY), strlen(BODY), header, false, &index) ==
          MSGRKIT_RESULT_SIGNATURE_MISMATCH);
    CHECK(msgrkit_verify_signature_any(NULL, NULL, 0, u8(BODY), strlen(BODY), header, false, &index) ==
          MSGRKIT_RESULT_APP_SECRET_EMPTY);
    const size_t empty[] = {9, 0};
    CHECK(msgrkit_verify_signature_any(secrets, empty, 2, u8(BODY), strlen(BODY), header, false, &index) ==
          MSGRKIT_RESULT_APP_SECRET_EMPTY);

    char headers[256];
    snprintf(headers, sizeof headers, "[[\"X-Hub-Signature-256\",\"%s\"],[\"Facebook-API-Version\",\"v27.0\"]]", header);
    char *json = NULL;
    CHECK(msgrkit_receive_webhook(secrets, lens, 2, u8(BODY), strlen(BODY), headers, false, 0, &json) ==
          MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"api_version\":\"v27.0\"") != NULL && strstr(json, "\"secret_index\":1") != NULL);
    msgrkit_string_free(json);
    msgrkit_string_free(header);
}

/* A chat link with a ref, read back, and its QR code. */
/* A request judged by its headers before its body is read: how many bytes to read. */
static void test_webhook_head(void) {
    size_t length = 0;
    CHECK(msgrkit_check_webhook_head("[[\"X-Hub-Signature-256\",\"sha256=00\"],[\"Content-Length\",\"81\"]]",
                                     false, 0, &length) == MSGRKIT_RESULT_OK);
    CHECK(length == 81);
    CHECK(msgrkit_check_webhook_head("[[\"Content-Length\",\"314572800\"]]", false, 0, &length) ==
          MSGRKIT_RESULT_SIGNATURE_MISSING);
    CHECK(msgrkit_check_webhook_head("[[\"X-Hub-Signature-256\",\"sha256=00\"],[\"Content-Length\",\"314572800\"]]",
                                     false, 0, &length) == MSGRKIT_RESULT_BODY_TOO_LARGE);
    CHECK(msgrkit_check_webhook_head("[[\"X-Hub-Signature-256\",\"sha256=00\"],[\"Content-Length\",\"-1\"]]",
                                     false, 0, &length) == MSGRKIT_RESULT_INVALID_INPUT);
    char field[64];
    msgrkit_last_error_field(field, sizeof field);
    CHECK(strcmp(field, "headers.content-length") == 0);
    CHECK(msgrkit_check_webhook_head(NULL, false, 0, &length) == MSGRKIT_RESULT_NULL_PARAMETER);
}

static void test_record(void) {
    const char *body = "{\"object\":\"page\",\"entry\":[]}";
    char *header = NULL, *line = NULL;
    CHECK(msgrkit_sign(u8("s3cret"), 6, u8(body), strlen(body), &header) == MSGRKIT_RESULT_OK);
    char headers[256];
    snprintf(headers, sizeof headers, "[[\"X-Hub-Signature-256\",\"%s\"]]", header);
    const char *delivery = "{\"seq\":1,\"at_ms\":0,\"path\":\"/webhook\",\"elapsed_ms\":3,"
                           "\"answer\":{\"status\":200,\"body\":\"EVENT_RECEIVED\"}}";
    CHECK(msgrkit_record_delivery(u8(body), strlen(body), headers, "s3cret", delivery, &line) == MSGRKIT_RESULT_OK);
    CHECK(line != NULL && strstr(line, "\"signature_valid\":true") != NULL);
    CHECK(strstr(line, "<signed>") != NULL && strstr(line, "sha256=") == NULL && strstr(line, "s3cret") == NULL);
    CHECK(strchr(line, '\n') == NULL);
    msgrkit_string_free(line);
    msgrkit_string_free(header);
    CHECK(msgrkit_record_delivery(u8(body), strlen(body), "[]", "s3cret", "{\"seq\":1}", &line) ==
          MSGRKIT_RESULT_REQUIRED);
    char field[64];
    msgrkit_last_error_field(field, sizeof field);
    CHECK(strcmp(field, "delivery.at_ms") == 0);
}

static void test_chat_links(void) {
    char *url = NULL, *json = NULL, *svg = NULL;
    CHECK(msgrkit_chat_link("{\"page\":\"acme.shop\",\"ref\":\"spring_sale\"}", &url) == MSGRKIT_RESULT_OK);
    CHECK(url != NULL && strcmp(url, "https://m.me/acme.shop?ref=spring_sale") == 0);
    CHECK(msgrkit_parse_chat_link(url, &json) == MSGRKIT_RESULT_OK);
    CHECK(json != NULL && strstr(json, "\"ref\":\"spring_sale\"") != NULL);
    CHECK(msgrkit_qr_svg(url, NULL, &svg) == MSGRKIT_RESULT_OK);
    CHECK(svg != NULL && strstr(svg, "<svg") != NULL);
    msgrkit_string_free(url);
    msgrkit_string_free(json);
    msgrkit_string_free(svg);
    url = NULL;
    char *codes = NULL;
    CHECK(msgrkit_codes(&codes) == MSGRKIT_RESULT_OK && codes != NULL && strstr(codes, "\"code\":\"signature_mismatch\"") != NULL);
    msgrkit_string_free(codes);
    CHECK(msgrkit_chat_link("{\"page\":\"acme.shop\",\"ref\":\"spring sale\"}", &url) == MSGRKIT_RESULT_INVALID_INPUT);
    char field[16];
    CHECK(url == NULL && msgrkit_last_error_field(field, sizeof field) > 0 && strcmp(field, "ref") == 0);
}

int main(void) {
    test_version();
    test_signature();
    test_nulls_and_utf8();
    test_handshake();
    test_parse();
    test_huge_input();
    test_hostile_input();
    test_threads();
    test_send_side();
    test_graph();
    test_client();
    test_secondary();
    test_several_secrets();
    test_chat_links();
    test_webhook_head();
    test_record();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
