#include "hepdesk/db/SearchKey.h"

#include <memory>
#include <sqlite3.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace hepdesk::db {
namespace {

/// One transliterator per thread: creating one costs far more than using it, and an
/// instance must not be used by two threads at once.
icu::Transliterator* transliterator() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        // Lower first as well as last: a few capitals (U+0220, U+01F6, U+A7AD, U+01A6, U+037F)
        // transliterate differently from their small letters, so a name typed either way must
        // meet the same key (the fuzzer's idempotence check found them).
        std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
            icu::UnicodeString::fromUTF8("Lower; Any-Latin; Lower; Latin-ASCII; Lower"),
            UTRANS_FORWARD, status));
        if (U_FAILURE(status)) {
            tr.reset();
        }
        return tr;
    }();
    return t.get();
}

bool isPlainAscii(std::string_view s) {
    for (const char c : s) {
        if ((static_cast<unsigned char>(c) & 0x80U) != 0) {
            return false;
        }
    }
    return true;
}

void sqlSearchKey(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto* p = sqlite3_value_text(argv[0]);
    const int n = sqlite3_value_bytes(argv[0]);
    const std::string key =
        searchKey(std::string_view(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)));
    sqlite3_result_text64(ctx, key.data(), key.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

} // namespace

std::string searchKey(std::string_view text) {
    std::string out;
    if (isPlainAscii(text)) {
        // Fast path for the common case; identical to what the transliterator gives.
        out.assign(text);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        return out;
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
    if (icu::Transliterator* t = transliterator(); t != nullptr) {
        t->transliterate(u);
    } else {
        u.toLower();
    }
    u.toUTF8String(out);
    return out;
}

Status registerSearchKeyFunction(Connection& conn) {
    const int rc = sqlite3_create_function_v2(conn.handle(), "hepdesk_search_key", 1,
                                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                              nullptr, sqlSearchKey, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        return Error::database(conn.errorMessage("cannot register hepdesk_search_key"));
    }
    return {};
}

} // namespace hepdesk::db
