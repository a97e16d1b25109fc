#include "PgSearchIndex.h"

#include "hepdesk/db/SearchKey.h"

#include <utility>

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
    // Each word with its chain (it and the next two words of its field run together) and how
    // long a typed word may be to match it with no, one or two splits: a split only between
    // two ASCII bytes (schema step 16 fills existing rows the same way, in SQL).
    std::vector<std::string> fields;
    std::vector<std::string> positions;
    std::vector<std::string> terms;
    std::vector<std::string> chains;
    std::vector<std::string> reaches[3];
    const auto ascii = [](char ch) { return static_cast<unsigned char>(ch) < 0x80; };
    for (const auto& [field, text] :
         {std::pair<const char*, std::string_view>{"name", name},
          std::pair<const char*, std::string_view>{"record", recordNumber}}) {
        const std::vector<std::string> w = searchWords(searchKey(text));
        for (std::size_t i = 0; i < w.size(); ++i) {
            const bool one = i + 1 < w.size() && ascii(w[i].back()) && ascii(w[i + 1].front());
            const bool two =
                one && i + 2 < w.size() && ascii(w[i + 1].back()) && ascii(w[i + 2].front());
            const std::size_t reach0 = w[i].size();
            const std::size_t reach1 = reach0 + (one ? w[i + 1].size() : 0);
            const std::size_t reach2 = reach1 + (two ? w[i + 2].size() : 0);
            fields.emplace_back(field);
            positions.push_back(std::to_string(i));
            terms.push_back(w[i]);
            chains.push_back(w[i] + (i + 1 < w.size() ? w[i + 1] : "") +
                             (i + 2 < w.size() ? w[i + 2] : ""));
            reaches[0].push_back(std::to_string(reach0));
            reaches[1].push_back(std::to_string(reach1));
            reaches[2].push_back(std::to_string(reach2));
        }
    }
    auto r = c.exec("INSERT INTO patient_search(patient_id, field, position, term, chain, reach0, "
                    "reach1, reach2) SELECT $1::bigint, f, p, t, ch, r0, r1, r2 "
                    "FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::int[], "
                    "$7::int[], $8::int[]) AS u(f, p, t, ch, r0, r1, r2)",
                    {id, pgTextArray(fields), pgTextArray(positions), pgTextArray(terms),
                     pgTextArray(chains), pgTextArray(reaches[0]), pgTextArray(reaches[1]),
                     pgTextArray(reaches[2])});
    return r ? Status{} : Status{r.error()};
}

Status indexAllPatients(PgConnection& c) {
    return indexAll(c, false);
}

Status indexAllPatientsWordsOnly(PgConnection& c) {
    return indexAll(c, true);
}

} // namespace hepdesk::db
