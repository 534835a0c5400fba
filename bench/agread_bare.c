/* The baseline of the load benchmark: cgraph's agread alone on one DOT file.
 *
 *   agread_bare [--repeat N] FILE
 *
 * Each run opens the file, calls agread(FILE*, NULL) (cgraph's default disciplines, its stdio
 * reader) and agclose, and only that is timed with CLOCK_MONOTONIC. Prints the best of N runs
 * as `agread_seconds=<x>` plus the node and edge counts of the graph read. */

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

  double best = -1.0;
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
    nodes = agnnodes(g);
    edges = agnedges(g);
    agclose(g);
    const double elapsed = now_seconds() - t0;
    fclose(f);
    if (best < 0 || elapsed < best) best = elapsed;
  }
  printf("agread_seconds=%.6f nodes=%d edges=%d runs=%d\n", best, nodes, edges, repeat);
  return 0;
}
