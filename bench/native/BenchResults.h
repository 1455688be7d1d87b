#pragma once

#include "BenchEnvironment.h"

#include <QList>
#include <QString>

namespace authkit::bench {

// The p-th percentile (0..100) of samples, nearest rank; 0 for none.
double percentile(QList<double> samples, double p);
double median(const QList<double> &samples);

// Appends one line to $AUTHKIT_BENCH_WORK/results.jsonl, side "authkitqt":
// {"bench","side","metric","unit","samples","note"?} (the format bench/README.md and
// bench/report.mjs read), and prints a human line (median, p50, p99, n) on stdout.
bool recordResult(const BenchEnvironment &env, const QString &bench, const QString &metric,
                  const QString &unit, const QList<double> &samples, const QString &note = {});

} // namespace authkit::bench
