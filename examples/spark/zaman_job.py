#!/usr/bin/env python3
"""Run `zaman batch` over a JSON Lines dataset on Apache Spark, and check that every
input record comes back exactly once.

Each Spark partition's lines are piped through one `zaman batch` process
(`RDD.pipe`); zaman writes exactly one output line per input line, in input order,
with an error record ({"id", "error"}) in place of a line it cannot read. So the piped
RDD has, partition by partition, as many lines as the input, and `RDD.zip` pairs each
input line with its output line: the check below compares their ids.

    python zaman_job.py --input corpus.jsonl --output out/ --zaman /path/to/zaman
    spark-submit --master yarn --files target/release/zaman \\
        examples/spark/zaman_job.py --input hdfs:///news/2021/*.jsonl.gz \\
        --output hdfs:///zaman/2021 --zaman ./zaman

Input: text files (gzip is read by Spark itself) of records {"id", "text", "dct"?}.
Output: Spark's part files, one document JSON (or error record) per line.
Exit status: 0 when every record came back exactly once, 1 otherwise.
"""

import argparse
import json
import shlex
import sys

from pyspark.sql import SparkSession


def record_id(line):
    """The id of an input line, or None when the line is not a JSON object."""
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value.get("id") if isinstance(value, dict) else None


def check_pair(pair):
    """(input line, output line) -> None when the output answers the input, else a
    description of the mismatch."""
    line_in, line_out = pair
    try:
        out = json.loads(line_out)
    except ValueError:
        return "output line is not JSON: " + line_out[:80]
    if not isinstance(out, dict):
        return "output line is not an object: " + line_out[:80]
    expected = record_id(line_in)
    if out.get("id") != expected:
        return "id %r came back as %r" % (expected, out.get("id"))
    if "error" not in out and out.get("schema") != "zaman/timeline-v1":
        return "record %r: neither a document nor an error record" % (expected,)
    return None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="JSON Lines file(s), glob or directory")
    parser.add_argument("--output", required=True, help="output directory (must not exist)")
    parser.add_argument("--zaman", default="zaman", help="the zaman binary on every worker")
    parser.add_argument("--master", default=None, help="e.g. local[2]; spark-submit sets it")
    parser.add_argument("--partitions", type=int, default=None, help="minimum input partitions")
    parser.add_argument("--zaman-args", default="", help="extra arguments for zaman batch")
    args = parser.parse_args(argv)

    builder = SparkSession.builder.appName("zaman-batch")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")

    lines = sc.textFile(args.input, minPartitions=args.partitions)
    # one zaman process per partition; one thread each, Spark runs the partitions in
    # parallel. Exit status 1 only means some records are error records (kept in place).
    command = "%s batch --quiet -j 1 %s" % (shlex.quote(args.zaman), args.zaman_args)
    piped = lines.pipe(command.strip(), checkCode=False).cache()
    piped.saveAsTextFile(args.output)

    records_in = lines.count()
    records_out = piped.count()
    errors = piped.filter(lambda l: '"error"' in l and record_is_error(l)).count()
    try:
        problems = lines.zip(piped).map(check_pair).filter(lambda p: p is not None)
        first = problems.take(5)
        mismatched = problems.count()
    except Exception as exc:  # zip refuses partitions of different lengths
        first, mismatched = [str(exc).splitlines()[0]], max(records_in, records_out)
    print(
        "spark: %d records in, %d out, %d error records, %d partitions"
        % (records_in, records_out, errors, lines.getNumPartitions())
    )
    spark.stop()
    if records_in != records_out or mismatched:
        for p in first:
            print("spark: " + p, file=sys.stderr)
        print("spark: FAILED: %d records did not come back exactly once" % mismatched, file=sys.stderr)
        return 1
    print("spark: every input record came back exactly once, in order")
    return 0


def record_is_error(line):
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and "error" in value and "schema" not in value


if __name__ == "__main__":
    sys.exit(main())
