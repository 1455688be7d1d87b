#include "BenchResults.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace authkit::bench {

double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<qsizetype>(std::ceil(p / 100.0 * samples.size()));
    return samples.at(std::clamp<qsizetype>(rank - 1, 0, samples.size() - 1));
}

double median(const QList<double> &samples)
{
    if (samples.isEmpty())
        return 0;
    QList<double> sorted = samples;
    std::sort(sorted.begin(), sorted.end());
    const qsizetype mid = sorted.size() / 2;
    return sorted.size() % 2 ? sorted.at(mid) : (sorted.at(mid - 1) + sorted.at(mid)) / 2;
}

bool recordResult(const BenchEnvironment &env, const QString &bench, const QString &metric,
                  const QString &unit, const QList<double> &samples, const QString &note)
{
    QJsonArray values;
    for (double sample : samples)
        values.append(sample);
    QJsonObject line{{QStringLiteral("bench"), bench},
                     {QStringLiteral("side"), QStringLiteral("authkitqt")},
                     {QStringLiteral("metric"), metric},
                     {QStringLiteral("unit"), unit},
                     {QStringLiteral("samples"), values}};
    if (!note.isEmpty())
        line.insert(QStringLiteral("note"), note);

    std::printf("%-18s %-22s median %10.3f %-8s p50 %10.3f  p99 %10.3f  n=%lld%s%s\n",
                qPrintable(bench), qPrintable(metric), median(samples), qPrintable(unit),
                percentile(samples, 50), percentile(samples, 99),
                static_cast<long long>(samples.size()), note.isEmpty() ? "" : "  # ",
                qPrintable(note));
    std::fflush(stdout);

    QFile file(env.resultsFile());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        std::fprintf(stderr, "cannot append to %s: %s\n", qPrintable(file.fileName()),
                     qPrintable(file.errorString()));
        return false;
    }
    // One write per line, so parts appending one after the other never interleave a line.
    return file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n') > 0;
}

} // namespace authkit::bench
