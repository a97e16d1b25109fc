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

Status indexPatient(PgConnection& c, std::int64_t id, std::string_view name,
                    std::string_view recordNumber) {
    if (auto r = c.exec("DELETE FROM patient_search WHERE patient_id = $1", {id}); !r) {
        return r.error();
    }
    auto r = c.exec("INSERT INTO patient_search(patient_id, field, position, term) "
                    "SELECT $1::bigint, 'name', ord - 1, w FROM unnest($2::text[]) WITH ORDINALITY "
                    "AS u(w, ord) "
                    "UNION ALL SELECT $1::bigint, 'record', ord - 1, w FROM unnest($3::text[]) "
                    "WITH ORDINALITY AS v(w, ord)",
                    {id, pgTextArray(searchWords(searchKey(name))),
                     pgTextArray(searchWords(searchKey(recordNumber)))});
    return r ? Status{} : Status{r.error()};
}

Status indexAllPatients(PgConnection& c) {
    auto rows = c.exec("SELECT id, name, record_number FROM patient ORDER BY id");
    if (!rows) {
        return rows.error();
    }
    for (int i = 0; i < rows->rows(); ++i) {
        if (auto s = indexPatient(c, rows->int64(i, 0), rows->text(i, 1), rows->text(i, 2)); !s) {
            return s;
        }
    }
    return {};
}

} // namespace hepdesk::db
