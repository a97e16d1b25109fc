#include "PgSearchIndex.h"
#include "RecordChecks.h"
#include "TextCheck.h"
#include "hepdesk/core/Clock.h"
#include "hepdesk/db/PgRepositories.h"
#include "hepdesk/db/SearchKey.h"
#include "hepdesk/db/Sqlite.h"

#include <algorithm>
#include <set>

namespace hepdesk::db {
namespace {

constexpr const char* kColumns =
    "p.id, p.name, p.birth_date, p.record_number, p.contact, p.archived";
/// SQLite's NOCASE: ASCII letters folded, bytes compared.
constexpr const char* kNoCase =
    "translate(%s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE \"C\"";

std::string noCase(const std::string& column) {
    std::string out = kNoCase;
    out.replace(out.find("%s"), 2, column);
    return out;
}

// As on SQLite (db/src/PatientRepository.cpp): the longest word tried as two (three) stored
// words, and most words tried joined; these bound the size of the query.
constexpr std::size_t kMaxSplitWord = 32;
constexpr std::size_t kMaxSplitTwiceWord = 16;
constexpr std::size_t kMaxJoinedWords = 4;
/// Shortest typed word whose matching patients are gathered as a set (see patientsMatching).
constexpr std::size_t kMinGatheredWord = 3;

/// One typed word and how it must match a row of patient_search.
struct WordTest {
    std::string word;
    /// Only as the start of one stored word (no splits).
    bool plain = false;
    /// Only the first word of the name.
    bool firstOfName = false;
};

/// Row `row` of patient_search matches `t`: its word starts with the typed word, or (unless
/// plain) two or three adjacent stored words of one field spell it, the last one only started,
/// since people leave out the punctuation and spaces inside a name ("obrien" finds "O'Brien",
/// stored as "o" and "brien"; "delacruz" finds "de la Cruz"). A word is split only where both
/// sides are ASCII, in two parts up to 32 bytes and three up to 16. Each row holds its word
/// run together with the next two of its field (chain) and the longest typed word that
/// matches it with no, one or two splits (reach0..2, schema step 16): so this is one range
/// scan of the chain index, which carries these columns (an index-only scan).
std::string rowMatches(const std::string& row, const WordTest& t, std::vector<PgParam>& params) {
    params.emplace_back(t.word);
    const std::size_t n = t.word.size();
    const char* reach = t.plain                   ? "reach0"
                        : n <= kMaxSplitTwiceWord ? "reach2"
                        : n <= kMaxSplitWord      ? "reach1"
                                                  : "reach0";
    if (t.firstOfName && t.plain) { // index patient_search_first_name
        return row + ".field = 'name' AND " + row + ".position = 0 AND " + row + ".term LIKE $" +
               std::to_string(params.size()) + " || '%'";
    }
    return (t.firstOfName ? row + ".field = 'name' AND " + row + ".position = 0 AND " : "") + row +
           ".chain LIKE $" + std::to_string(params.size()) + " || '%' AND " + row + "." + reach +
           " >= " + std::to_string(n);
}

/// The ids of the patients matching every test (each may match the same or another stored
/// word), as a query: the patients of the longest word (the rarest, as a rule) that are among
/// those of each other word of three letters or more, each gathered by one range scan; a
/// shorter word ("r", "mc") matches too many to gather, so it is tested on each candidate
/// instead. So "r 145909" does not gather the whole clinic for the "r" of every record number.
std::string patientsMatching(const std::vector<WordTest>& tests, std::vector<PgParam>& params) {
    std::size_t longest = 0;
    for (std::size_t i = 1; i < tests.size(); ++i) {
        if (tests[i].word.size() > tests[longest].word.size()) {
            longest = i;
        }
    }
    std::string sql = "SELECT DISTINCT w.patient_id FROM patient_search w WHERE " +
                      rowMatches("w", tests[longest], params);
    for (std::size_t i = 0; i < tests.size(); ++i) {
        if (i != longest && tests[i].word.size() >= kMinGatheredWord) {
            const std::string g = "g" + std::to_string(i);
            sql.append(" AND w.patient_id IN (SELECT ")
                .append(g)
                .append(".patient_id FROM patient_search ")
                .append(g)
                .append(" WHERE ")
                .append(rowMatches(g, tests[i], params))
                .append(")");
        }
    }
    std::string shortTests;
    for (std::size_t i = 0; i < tests.size(); ++i) {
        if (i != longest && tests[i].word.size() < kMinGatheredWord) {
            shortTests += " AND EXISTS (SELECT 1 FROM patient_search s WHERE s.patient_id = m.id "
                          "AND " +
                          rowMatches("s", tests[i], params) + ")";
        }
    }
    return shortTests.empty() ? sql
                              : "SELECT m.id FROM (" + sql + ") AS m(id) WHERE true" + shortTests;
}

/// Every typed word must match (in any order); adjacent typed words may also be one stored
/// word ("mc donald" finds "McDonald"). The ids of the matching patients, as a query: the
/// union over the ways of joining words.
std::string anywherePatients(const std::vector<std::string>& words, std::vector<PgParam>& params) {
    const std::size_t n = words.size();
    const std::size_t joins = n <= kMaxJoinedWords ? n - 1 : 0;
    std::string out;
    for (std::size_t mask = 0; mask < (std::size_t{1} << joins); ++mask) {
        std::vector<WordTest> groups{{words[0]}};
        for (std::size_t i = 1; i < n; ++i) {
            if (i - 1 < joins && ((mask >> (i - 1)) & 1U) != 0) {
                groups.back().word += words[i];
            } else {
                groups.push_back({words[i]});
            }
        }
        out += (out.empty() ? "(" : " UNION (") + patientsMatching(groups, params) + ")";
    }
    return out;
}

/// A single typed word starting this many first names or more is looked for by walking the
/// patients in id order (the first ones soon match) instead of gathering all its matches.
constexpr std::int64_t kWalkFromMatches = 3000;
/// Only words shorter than this are counted first (a longer one starts few first names: its
/// matches are gathered).
constexpr std::size_t kProbedWordBelow = 4;

Patient readPatient(const PgResult& r, int i) {
    Patient p;
    p.id = r.int64(i, 0);
    p.name = r.text(i, 1);
    p.birthDate = r.text(i, 2);
    p.recordNumber = r.text(i, 3);
    p.contact = r.text(i, 4);
    p.archived = r.boolean(i, 5);
    return p;
}

std::vector<Patient> readAll(const PgResult& r) {
    std::vector<Patient> out;
    for (int i = 0; i < r.rows(); ++i) {
        out.push_back(readPatient(r, i));
    }
    return out;
}

} // namespace

Result<std::vector<Patient>> PgPatientRepository::list(ListOptions options) {
    auto r = db_.connection().exec(
        std::string("SELECT ") + kColumns + " FROM patient p WHERE NOT p.archived OR $1 ORDER BY " +
            noCase("p.name") + ", p.id LIMIT $2 OFFSET $3",
        {options.includeArchived, options.limit > 0 ? PgParam(options.limit) : PgParam(),
         std::max(0, options.offset)});
    if (!r) {
        return r.error();
    }
    return readAll(*r);
}

Result<std::int64_t> PgPatientRepository::add(const Patient& p) {
    if (auto s = checkPatient(p); !s) {
        return s.error();
    }
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Result<std::int64_t> {
        auto r = conn.exec("INSERT INTO patient(name, birth_date, record_number, contact, "
                           "archived, created_at, updated_at) "
                           "VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
                           {p.name, p.birthDate, p.recordNumber, p.contact, p.archived,
                            isoDateTime(Clock::current().now())});
        if (!r) {
            return r.error();
        }
        const std::int64_t id = r->int64(0, 0);
        if (auto s = indexPatient(conn, id, p.name, p.recordNumber); !s) {
            return s.error();
        }
        if (auto s = PgAuditLog::record(db_, "patient.add", "patient", id); !s) {
            return s.error();
        }
        return id;
    });
}

Result<Patient> PgPatientRepository::get(std::int64_t id) {
    auto r = db_.connection().exec(
        std::string("SELECT ") + kColumns + " FROM patient p WHERE p.id = $1", {id});
    if (!r) {
        return r.error();
    }
    if (r->rows() == 0) {
        return missingRow("patient", id);
    }
    return readPatient(*r, 0);
}

Status PgPatientRepository::update(const Patient& p) {
    if (auto s = checkPatient(p); !s) {
        return s;
    }
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        auto r = conn.exec(std::string("SELECT ") + kColumns +
                               " FROM patient p WHERE p.id = $1 FOR UPDATE",
                           {p.id});
        if (!r) {
            return r.error();
        }
        if (r->rows() == 0) {
            return missingRow("patient", p.id);
        }
        const Patient before = readPatient(*r, 0);
        if (before.archived) {
            const std::string id = std::to_string(p.id);
            return Error::refused(
                "patient " + id +
                " is archived and read-only: editing is refused; restore the patient first "
                "('hepdesk-cli patient archive " +
                id + " --undo')");
        }
        if (auto u = conn.exec("UPDATE patient SET name = $2, birth_date = $3, "
                               "record_number = $4, contact = $5, archived = $6, "
                               "updated_at = $7 WHERE id = $1",
                               {p.id, p.name, p.birthDate, p.recordNumber, p.contact, p.archived,
                                isoDateTime(Clock::current().now())});
            !u) {
            return u.error();
        }
        if (auto s = indexPatient(conn, p.id, p.name, p.recordNumber); !s) {
            return s;
        }
        return PgAuditLog::record(db_, "patient.edit", "patient", p.id, patientChanges(before, p));
    });
}

Status PgPatientRepository::setArchived(std::int64_t id, bool archived) {
    auto& conn = db_.connection();
    return PgTransaction::run(conn, [&]() -> Status {
        auto r = conn.exec("UPDATE patient SET archived = $2, updated_at = $3 WHERE id = $1",
                           {id, archived, isoDateTime(Clock::current().now())});
        if (!r) {
            return r.error();
        }
        if (r->affected() == 0) {
            return missingRow("patient", id);
        }
        return PgAuditLog::record(db_, archived ? "patient.archive" : "patient.unarchive",
                                  "patient", id);
    });
}

Result<std::vector<Patient>> PgPatientRepository::search(std::string_view query,
                                                         SearchOptions options) {
    if (auto s = checkText(query, "search text", kMaxNameBytes); !s) {
        return s.error();
    }
    const std::string q = trimmedQuery(query);
    std::vector<Patient> out;
    if (q.empty() || options.limit <= 0) {
        return out;
    }
    const auto limit = static_cast<std::size_t>(options.limit);
    std::set<std::int64_t> seen;
    auto& conn = db_.connection();
    // Appends the new matches of one stage, in its order, until `limit`.
    const auto take = [&](std::vector<Patient> found) {
        for (Patient& p : found) {
            if (out.size() >= limit) {
                break;
            }
            if (seen.insert(p.id).second) {
                out.push_back(std::move(p));
            }
        }
    };
    const std::string select =
        std::string("SELECT ") + kColumns + " FROM patient p WHERE (NOT p.archived OR $1) AND ";
    const std::vector<std::string> words = searchWords(searchKey(q));
    const std::string datePrefix = searchDatePrefix(q);
    // 1. A record number typed in full is the most certain match there is. Two record numbers
    // that differ only in the case of ASCII letters are equal in lower case too, so index
    // patient_record_number (step 2) finds the candidates instead of a pass over every patient.
    const auto exactMatch = [](const std::string& text) {
        return "lower(p.record_number) = lower(" + text + "::text) AND p.record_number <> '' AND " +
               noCase("p.record_number") + " = " + noCase(text + "::text");
    };
    // Several words with one of three letters or more (a whole name, a record number), and no
    // date: every stage in one statement (see allStages below).
    const bool together = words.size() >= 2 && datePrefix.empty() &&
                          std::any_of(words.begin(), words.end(), [](const std::string& w) {
                              return w.size() >= kMinGatheredWord;
                          });
    // Otherwise the record number is looked for in the same statement as the first word stage
    // when nothing comes between them (no date).
    const bool exactWithFirst = !together && !words.empty() && datePrefix.empty();
    if (!together && !exactWithFirst) {
        auto exact =
            conn.exec(select + exactMatch("$2") + " ORDER BY p.id", {options.includeArchived, q});
        if (!exact) {
            return exact.error();
        }
        take(readAll(*exact));
    }
    // 2. A date of birth (or its year or month).
    if (const std::string& prefix = datePrefix; !prefix.empty() && out.size() < limit) {
        // In the order of index patient_birth_date (schema step 16); `limit` rows are enough,
        // as at most out.size() of them are already taken.
        auto dates =
            conn.exec(select + "p.birth_date <> '' AND p.birth_date COLLATE \"C\" >= $2 AND "
                               "p.birth_date COLLATE \"C\" < $2 || '~' "
                               "ORDER BY p.birth_date COLLATE \"C\", p.id LIMIT $3",
                      {options.includeArchived, prefix, static_cast<std::int64_t>(limit)});
        if (!dates) {
            return dates.error();
        }
        take(readAll(*dates));
    }
    // 3. As on SQLite: names whose first word starts with the first word typed (every other
    // word typed must start some word), then names and record numbers with all words
    // anywhere; first matches by id, alphabetical (folded) within one stage.
    // The patients of `ids` (a query of distinct patient ids), sorted, each fetched through
    // its primary key until `limitParam` are found: not every match is read from the table.
    const auto fetchIds = [&](const std::string& ids, const std::string& limitParam,
                              const std::string& tag = {}, const std::string& only = {}) {
        return std::string("SELECT ") + kColumns + tag + " FROM (" + ids +
               " ORDER BY 1) AS m(id) JOIN patient p ON p.id = m.id WHERE (NOT p.archived OR $1)" +
               only + " ORDER BY m.id LIMIT " + limitParam;
    };
    // Takes the first `fetch` rows (in id order) a stage found, those not taken yet sorted by
    // their folded name.
    const auto takeStage = [&](std::vector<Patient> rows, std::size_t fetch) {
        if (rows.size() > fetch) {
            rows.resize(fetch);
        }
        std::vector<std::pair<std::string, Patient>> found;
        for (Patient& p : rows) {
            if (!seen.contains(p.id)) {
                found.emplace_back(searchKey(p.name), std::move(p));
            }
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first < b.first : a.second.id < b.second.id;
        });
        std::vector<Patient> sorted;
        sorted.reserve(found.size());
        for (auto& f : found) {
            sorted.push_back(std::move(f.second));
        }
        take(std::move(sorted));
    };
    const auto wordStage = [&](bool initial, std::size_t fetch) -> Status {
        std::vector<PgParam> params{options.includeArchived};
        const bool withExact = initial && exactWithFirst;
        const std::string tag = withExact ? ", 1 AS stage" : "";
        std::string with;
        std::string sql;
        const auto limitParam = [&] {
            params.emplace_back(static_cast<std::int64_t>(fetch));
            return "$" + std::to_string(params.size());
        };
        if (initial && words.size() == 1 && words[0].size() < kProbedWordBelow) {
            // A short word may start many first names: counted first (up to kWalkFromMatches),
            // then only one of the two ways below runs (the other's condition is false before
            // it starts).
            const WordTest first{words[0], true, true};
            with = "WITH c(n) AS MATERIALIZED (SELECT count(*) FROM (SELECT 1 FROM patient_search "
                   "w WHERE " +
                   rowMatches("w", first, params) + " LIMIT " + std::to_string(kWalkFromMatches) +
                   ") AS x) ";
            const std::string ids = patientsMatching({first}, params);
            const std::string walkTest = rowMatches("s", first, params);
            const std::string limitRef = limitParam();
            sql = "(" +
                  fetchIds(ids, limitRef, tag,
                           " AND (SELECT n FROM c) < " + std::to_string(kWalkFromMatches)) +
                  ") UNION ALL (SELECT " + kColumns + tag +
                  " FROM patient p WHERE (NOT p.archived OR $1) AND (SELECT n FROM c) >= " +
                  std::to_string(kWalkFromMatches) +
                  " AND EXISTS (SELECT 1 FROM patient_search s WHERE s.patient_id = p.id AND " +
                  walkTest + ") ORDER BY p.id LIMIT " + limitRef + ")";
        } else if (initial) {
            // The patients all words match (first words of names for the first), gathered; the
            // server would otherwise walk the patients in id order looking for a rare word
            // ("R-145909": "r", "145909").
            std::vector<WordTest> tests;
            for (std::size_t i = 0; i < words.size(); ++i) {
                tests.push_back({words[i], true, i == 0});
            }
            const std::string ids = patientsMatching(tests, params);
            sql = "(" + fetchIds(ids, limitParam(), tag) + ")";
        } else {
            const std::string ids = anywherePatients(words, params);
            sql = "(" + fetchIds(ids, limitParam(), tag) + ")";
        }
        if (!withExact) {
            auto r = conn.exec(with + "SELECT * FROM (" + sql + ") AS x ORDER BY x.id", params);
            if (!r) {
                return r.error();
            }
            takeStage(readAll(*r), fetch);
            return {};
        }
        // Nothing is taken before (out is empty), so `fetch` is `limit` here, as it would be
        // for this stage after the record number's.
        params.emplace_back(q);
        auto r = conn.exec(with + "SELECT * FROM ((SELECT " + std::string(kColumns) +
                               ", 0 AS stage FROM patient p WHERE (NOT p.archived OR $1) AND " +
                               exactMatch("$" + std::to_string(params.size())) + ") UNION ALL " +
                               sql + ") AS x ORDER BY x.stage, x.id",
                           params);
        if (!r) {
            return r.error();
        }
        std::vector<Patient> stages[2];
        for (int i = 0; i < r->rows(); ++i) {
            stages[r->int64(i, 6) == 0 ? 0 : 1].push_back(readPatient(*r, i));
        }
        take(std::move(stages[0]));
        if (out.size() < limit) {
            takeStage(std::move(stages[1]), limit - out.size());
        }
        return {};
    };
    // Every stage in one statement. Every patient the first word stage finds is among those
    // the second finds, so the second's patients are gathered once and the first's tests made
    // on each of them. The same rows as one statement a stage give: the word stages are
    // fetched for the most they can need (out.size() before each is at most `limit`) and cut
    // by takeStage.
    const auto allStages = [&]() -> Status {
        std::vector<PgParam> params{options.includeArchived, q};
        const std::string anywhere = anywherePatients(words, params);
        std::string initialTests;
        for (std::size_t i = 0; i < words.size(); ++i) {
            initialTests += " AND EXISTS (SELECT 1 FROM patient_search s WHERE s.patient_id = a.id "
                            "AND " +
                            rowMatches("s", {words[i], true, i == 0}, params) + ")";
        }
        params.emplace_back(static_cast<std::int64_t>(limit));
        const std::string initialLimit = "$" + std::to_string(params.size());
        params.emplace_back(static_cast<std::int64_t>(2 * limit));
        const std::string anywhereLimit = "$" + std::to_string(params.size());
        auto r = conn.exec("WITH a(id) AS MATERIALIZED (" + anywhere + ") SELECT * FROM ((" +
                               std::string("SELECT ") + kColumns +
                               ", 0 AS stage FROM patient p WHERE (NOT p.archived OR $1) AND " +
                               exactMatch("$2") + ") UNION ALL (" +
                               fetchIds("SELECT a.id FROM a WHERE true" + initialTests,
                                        initialLimit, ", 1 AS stage") +
                               ") UNION ALL (" +
                               fetchIds("SELECT a.id FROM a", anywhereLimit, ", 2 AS stage") +
                               ")) AS x ORDER BY x.stage, x.id",
                           params);
        if (!r) {
            return r.error();
        }
        std::vector<Patient> stages[3];
        for (int i = 0; i < r->rows(); ++i) {
            stages[std::clamp<std::int64_t>(r->int64(i, 6), 0, 2)].push_back(readPatient(*r, i));
        }
        take(std::move(stages[0]));
        if (out.size() < limit) {
            takeStage(std::move(stages[1]), limit - out.size());
        }
        if (out.size() < limit) {
            takeStage(std::move(stages[2]), limit + out.size());
        }
        return {};
    };
    if (together) {
        if (auto s = allStages(); !s) {
            return s.error();
        }
    } else if (!words.empty() && out.size() < limit) {
        if (auto s = wordStage(true, limit - out.size()); !s) {
            return s.error();
        }
        if (out.size() < limit) {
            if (auto s = wordStage(false, limit + out.size()); !s) {
                return s.error();
            }
        }
    }
    return out;
}

} // namespace hepdesk::db
