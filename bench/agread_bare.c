/* The baseline of the load benchmark: cgraph's agread alone on one DOT file.
 *
 *   agread_bare [--repeat N] FILE
 *
 * Each run opens the file, calls agread(FILE*, NULL) (cgraph's default disciplines, its stdio
 * reader) and agclose, and only that is timed with CLOCK_MONOTONIC (opening and closing the FILE
 * is not). Prints the best of N runs as `agread_seconds=<x>` (agread + agclose, the figure the
 * benchmark compares with), then the best agread alone and agclose alone, and the node and edge
 * counts of the graph read. */

#define _POSIX_C_SOURCE 199309L

#include <graphviz/cgraph.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int usage(const char* argv0) {
  fprintf(stderr, "usage: %s [--repeat N] FILE\n", argv0);
  return 2;
}

int main(int argc, char** argv) {
  int repeat = 5;
  const char* path = NULL;
  for (int i = 1; i < argc; ++i) {
    if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = atoi(argv[++i]);
      if (repeat < 1) return usage(argv[0]);
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      return usage(argv[0]);
    } else if (!path) {
      path = argv[i];
    } else {
      return usage(argv[0]);
    }
  }
  if (!path) return usage(argv[0]);

  double best = -1.0, best_parse = -1.0, best_close = -1.0;
  int nodes = 0, edges = 0;
  for (int run = 0; run < repeat; ++run) {
    FILE* f = fopen(path, "r");
    if (!f) {
      perror(path);
      return 1;
    }
    const double t0 = now_seconds();
    Agraph_t* g = agread(f, NULL);
    if (!g) {
      fprintf(stderr, "%s: agread read no graph\n", path);
      fclose(f);
      return 1;
    }
    const double t1 = now_seconds();
    nodes = agnnodes(g);
    edges = agnedges(g);
    const double t2 = now_seconds();
    agclose(g);
    const double t3 = now_seconds();
    fclose(f);
    const double elapsed = (t1 - t0) + (t3 - t2);
    if (best < 0 || elapsed < best) best = elapsed;
    if (best_parse < 0 || t1 - t0 < best_parse) best_parse = t1 - t0;
    if (best_close < 0 || t3 - t2 < best_close) best_close = t3 - t2;
  }
  printf("agread_seconds=%.6f parse_seconds=%.6f close_seconds=%.6f nodes=%d edges=%d runs=%d\n",
         best, best_parse, best_close, nodes, edges, repeat);
  return 0;
}
