// How fast the clinical core decides: loading and validating templates/, and assess() on
// generated screenings. Run: build/release/tests/bench/assess_bench
#include "hepdesk/core/Assess.h"
#include "hepdesk/core/Catalog.h"
#include "hepdesk/core/ClinicalRules.h"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>

namespace {
using namespace hepdesk;

struct Data {
    Catalog catalog;
    ClinicalRules rules;
};

const Data& data() {
    static const Data d = [] {
        auto c = Catalog::loadDefault();
        if (!c) {
            std::fprintf(stderr, "%s\n", c.error().message.c_str());
            std::exit(2);
        }
        auto r = ClinicalRules::loadDefault(*c);
        if (!r) {
            std::fprintf(stderr, "%s\n", r.error().message.c_str());
            std::exit(2);
        }
        return Data{std::move(*c), std::move(*r)};
    }();
    return d;
}

std::vector<Screening> screenings(std::size_t n) {
    std::mt19937 rng(1);
    std::vector<Screening> out;
    for (std::size_t i = 0; i < n; ++i) {
        Screening s;
        s.age = std::uniform_int_distribution<int>(18, 95)(rng);
        s.regions = {Region::LowBack, Region::Neck};
        for (const auto& f : data().rules.items().findings()) {
            if (std::bernoulli_distribution(0.08)(rng)) {
                s.findings.insert(f.id);
            }
        }
        for (const auto& q : data().rules.items().odi().sections) {
            s.odi[q.id] = std::uniform_int_distribution<int>(0, 5)(rng);
        }
        out.push_back(std::move(s));
    }
    return out;
}

void BM_LoadCatalogAndRules(benchmark::State& state) {
    for (auto _ : state) {
        auto c = Catalog::loadDefault();
        auto r = ClinicalRules::loadDefault(*c);
        benchmark::DoNotOptimize(r.ok());
    }
}
BENCHMARK(BM_LoadCatalogAndRules)->Unit(benchmark::kMillisecond);

void BM_Assess(benchmark::State& state) {
    const auto all = screenings(256);
    std::size_t i = 0;
    for (auto _ : state) {
        auto a = assess(all[i++ % all.size()], data().rules, data().catalog);
        benchmark::DoNotOptimize(a.ok());
    }
}
BENCHMARK(BM_Assess)->Unit(benchmark::kMicrosecond);

void BM_AssessToJson(benchmark::State& state) {
    const auto all = screenings(256);
    std::size_t i = 0;
    for (auto _ : state) {
        auto a = assess(all[i++ % all.size()], data().rules, data().catalog);
        benchmark::DoNotOptimize(toJson(*a).dump());
    }
}
BENCHMARK(BM_AssessToJson)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
