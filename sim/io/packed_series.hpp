#pragma once
// A run's time series as one compact byte string, the form results.db keeps
// while a sweep is under way (table packed_series). A sweep of 512 small runs
// stored its 550,000 values as rows of (run, step, metric, subject, value)
// with a composite key: inserting, reading back and deleting them cost about
// a third of the sweep's CPU time, all of it on one thread. Packed, a run is
// one blob written and read in one go, and the simulation keeps the cores.
//
//   std::string bytes = io::pack_series(rows);
//   std::vector<metrics::MetricRow> same = io::unpack_series(bytes);   // bitwise equal
//
// Layout (little-endian): magic "DSP1"; u32 name count, then each name as u32
// length and bytes (the metrics and subjects, each once); u32 row count, then
// each row as i64 step, u32 metric name, u32 subject name, f64 value (its bit
// pattern, so NaN and -0 come back as they went).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric_row.hpp"

namespace detente::io {

std::string pack_series(std::span<const metrics::MetricRow> rows);

// Throws std::runtime_error on bytes that are not a packed series (wrong
// magic, truncated, an index past the name table, a count the bytes cannot
// hold); never reads past the end or allocates more than the bytes justify.
std::vector<metrics::MetricRow> unpack_series(std::string_view bytes);

}  // namespace detente::io
