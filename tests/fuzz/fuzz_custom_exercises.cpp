// mergeCustomExercises over stored rows: the clinic's exercises as the database returns them
// (a hand-edited or damaged file can hold anything). The input is split into rows at "\n@@\n";
// a row is "ID\nJSON", optionally followed by "\n@photo\n" and the photo's bytes.
#include "FuzzSupport.h"
#include "hepdesk/db/ClinicCatalog.h"
#include "hepdesk/db/CustomExerciseRepository.h"

#include <algorithm>

namespace {
using namespace hepdesk;

class StoredRows final : public db::CustomExerciseRepository {
public:
    explicit StoredRows(std::vector<db::CustomExercise> rows) : rows_(std::move(rows)) {}
    Status put(const db::CustomExercise&) override { return Error::internal("read only"); }
    Result<db::CustomExercise> get(std::string_view id) override {
        for (const auto& r : rows_) {
            if (r.id == id) {
                return r;
            }
        }
        return Error::notFound(std::string(id));
    }
    Status remove(std::string_view) override { return Error::internal("read only"); }
    Result<std::vector<db::CustomExercise>> list() override { return rows_; }

private:
    std::vector<db::CustomExercise> rows_;
};

std::vector<std::string_view> split(std::string_view s, std::string_view sep) {
    std::vector<std::string_view> out;
    for (;;) {
        const auto at = s.find(sep);
        out.push_back(s.substr(0, at));
        if (at == std::string_view::npos) {
            return out;
        }
        s.remove_prefix(at + sep.size());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<db::CustomExercise> rows;
    for (std::string_view row : split(fuzz::asText(data, size), "\n@@\n")) {
        db::CustomExercise c;
        const auto photoAt = row.find("\n@photo\n");
        if (photoAt != std::string_view::npos) {
            c.photo = std::string(row.substr(photoAt + 8));
            c.photoMime = c.photo.starts_with("\x89PNG") ? "image/png" : "image/jpeg";
            row = row.substr(0, photoAt);
        }
        const auto nl = row.find('\n');
        c.id = std::string(row.substr(0, nl));
        c.name = c.id;
        c.json = nl == std::string_view::npos ? std::string() : std::string(row.substr(nl + 1));
        rows.push_back(std::move(c));
    }
    const std::size_t stored = rows.size();
    StoredRows repo(std::move(rows));
    auto merged = db::mergeCustomExercises(fuzz::shippedCatalog(), repo);
    if (!merged) {
        fuzz::fail("a stored row failed the whole merge: " + merged.error().message);
    }
    if (merged->customIds.size() + merged->skipped.size() != stored) {
        fuzz::fail("a stored row was neither merged nor reported as skipped");
    }
    if (!std::is_sorted(merged->customIds.begin(), merged->customIds.end())) {
        fuzz::fail("customIds not sorted");
    }
    return 0;
}
