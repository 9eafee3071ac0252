#!/usr/bin/env python3
"""Scores a ranked run on CISI: nDCG@10 and MAP over the judged queries (standard library only).

    search-bench cisi corpus.jsonl queries.jsonl > run.json
    python3 cisi_eval.py --run run.json --qrels /work/shared/corpus/ir/cisi/qrels.tsv

run.json maps query id -> ranked list of document ids. qrels.tsv has `query-id corpus-id score`
rows (tab separated, a header line). Definitions as in trec_eval / pytrec_eval:
  nDCG@10 = DCG@10 / IDCG@10, DCG = sum over ranks i (1-based) of gain / log2(i + 1), gain = the
            judged score; IDCG from the judged scores sorted descending.
  AP      = sum over relevant retrieved at rank i of precision@i, divided by the number of relevant
            documents for the query; MAP = mean AP. Queries without judgements are skipped;
            judged queries missing from the run count as 0.
"""
import argparse
import json
import math


def load_qrels(path):
    qrels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.strip().split("\t")
            if len(parts) != 3 or parts[0] == "query-id":
                continue
            query, doc, score = parts
            if int(score) > 0:
                qrels.setdefault(query, {})[doc] = int(score)
    return qrels


def ndcg_at(ranked, judged, k=10):
    dcg = sum(judged.get(doc, 0) / math.log2(i + 2) for i, doc in enumerate(ranked[:k]))
    ideal = sorted(judged.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def average_precision(ranked, judged):
    hits = 0
    total = 0.0
    for i, doc in enumerate(ranked):
        if doc in judged:
            hits += 1
            total += hits / (i + 1)
    return total / len(judged) if judged else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", required=True)
    parser.add_argument("--qrels", required=True)
    args = parser.parse_args()
    with open(args.run, encoding="utf-8") as f:
        run = json.load(f)
    qrels = load_qrels(args.qrels)
    ndcgs = [ndcg_at(run.get(q, []), judged) for q, judged in qrels.items()]
    aps = [average_precision(run.get(q, []), judged) for q, judged in qrels.items()]
    result = {"queries": len(qrels), "ndcg@10": round(sum(ndcgs) / len(ndcgs), 4), "map": round(sum(aps) / len(aps), 4)}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
