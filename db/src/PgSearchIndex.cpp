#include "PgSearchIndex.h"

#include "hepdesk/db/SearchKey.h"

namespace hepdesk::db {
std::string pgTextArray(const std::vector<std::string>& words) {
    std::string out = "{";
    for (std::size_t i = 0; i < words.size(); ++i) {
        out += i > 0 ? ",\"" : "\"";
        for (const char ch : words[i]) {
            if (ch == '"' || ch == '\\') {
                out += '\\';
            }
            out += ch;
        }
        out += '"';
    }
    return out + "}";
}

std::vector<std::string> searchWords(std::string_view key) {
    std::vector<std::string> words;
    std::string word;
    for (const char ch : key) {
        const auto u = static_cast<unsigned char>(ch);
        if (u >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            word += ch;
        } else if (!word.empty()) {
            words.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

namespace {
/// Steps 2 and 8 (re)build the index of their time: words only (step 16 adds the chains).
Status indexWords(PgConnection& c, std::int64_t id, std::string_view name,
                  std::string_view recordNumber) {
    auto r = c.exec("INSERT INTO patient_search(patient_id, field, position, term) "
                    "SELECT $1::bigint, 'name', ord - 1, w FROM unnest($2::text[]) WITH ORDINALITY "
                    "AS u(w, ord) "
                    "UNION ALL SELECT $1::bigint, 'record', ord - 1, w FROM unnest($3::text[]) "
                    "WITH ORDINALITY AS v(w, ord)",
                    {id, pgTextArray(searchWords(searchKey(name))),
                     pgTextArray(searchWords(searchKey(recordNumber)))});
    return r ? Status{} : Status{r.error()};
}

Status indexAll(PgConnection& c, bool beforeChains) {
    auto rows = c.exec("SELECT id, name, record_number FROM patient ORDER BY id");
    if (!rows) {
        return rows.error();
    }
    for (int i = 0; i < rows->rows(); ++i) {
        const std::int64_t id = rows->int64(i, 0);
        Status s = beforeChains ? indexWords(c, id, rows->text(i, 1), rows->text(i, 2))
                                : indexPatient(c, id, rows->text(i, 1), rows->text(i, 2));
        if (!s) {
            return s;
        }
    }
    return {};
}
} // namespace

Status indexPatient(PgConnection& c, std::int64_t id, std::string_view name,
                    std::string_view recordNumber) {
    if (auto r = c.exec("DELETE FROM patient_search WHERE patient_id = $1", {id}); !r) {
        return r.error();
    }
    // Each word with its chain and reaches (schema step 16 fills existing rows the same way).
    auto r = c.exec(
        "WITH w(field, position, term) AS ("
        "SELECT 'name', ord - 1, w FROM unnest($2::text[]) WITH ORDINALITY AS u(w, ord) "
        "UNION ALL SELECT 'record', ord - 1, w FROM unnest($3::text[]) WITH ORDINALITY AS v(w, "
        "ord)) "
        "INSERT INTO patient_search(patient_id, field, position, term, chain, reach0, reach1, "
        "reach2) "
        "SELECT $1::bigint, a.field, a.position, a.term, "
        "a.term || coalesce(b.term, '') || coalesce(c.term, ''), octet_length(a.term), "
        "octet_length(a.term) + CASE WHEN ascii(right(a.term, 1)) < 128 AND ascii(b.term) < 128 "
        "THEN octet_length(b.term) ELSE 0 END, "
        "octet_length(a.term) + CASE WHEN ascii(right(a.term, 1)) < 128 AND ascii(b.term) < 128 "
        "THEN octet_length(b.term) + CASE WHEN ascii(right(b.term, 1)) < 128 "
        "AND ascii(c.term) < 128 THEN octet_length(c.term) ELSE 0 END ELSE 0 END "
        "FROM w a "
        "LEFT JOIN w b ON b.field = a.field AND b.position = a.position + 1 "
        "LEFT JOIN w c ON c.field = a.field AND c.position = a.position + 2",
        {id, pgTextArray(searchWords(searchKey(name))),
         pgTextArray(searchWords(searchKey(recordNumber)))});
    return r ? Status{} : Status{r.error()};
}

Status indexAllPatients(PgConnection& c) {
    return indexAll(c, false);
}

Status indexAllPatientsWordsOnly(PgConnection& c) {
    return indexAll(c, true);
}

} // namespace hepdesk::db
