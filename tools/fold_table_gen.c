/* fold_table_gen: writes the search folding tables (src/core/utf8.cpp includes them) from
 * utf8proc, for the code points given as pyftsubset-style ranges ("U+0020-007E,U+00A0-024F").
 * Built and run on the build machine (CMake, tests/fuzz/run.sh), so the native and the wasm
 * programs fold with the same table and link nothing of utf8proc.
 *
 *   fold_table_gen RANGES OUTPUT
 *
 * Two maps, each listing only the code points it changes (16-bit code points and offsets, so
 * the ranges stay below U+FFFF, which ends each table):
 *   search: full case folding (ß -> ss), compatibility forms (ﬁ -> fi), accents stripped
 *           (á -> a, ά -> α), plus a few letters Unicode does not decompose (ł ø đ ħ ŧ ı);
 *           Cyrillic letters only fold case (й, ё, ї stay distinct letters); spacing accents
 *           (´ ¨) stay; typographic quotes, apostrophes, spaces and hyphens become ASCII.
 *   lower:  simple lower-casing (and final sigma as σ), plus the same typographic punctuation (what
 *           utf8::fold_for_search did before; the extractor tests case with it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8proc.h"

typedef struct { unsigned char bytes[32]; int length; } Folded;

static int encode(utf8proc_int32_t c, unsigned char* out) { return (int)utf8proc_encode_char(c, out); }

static int punctuation(utf8proc_int32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201F: case 0x00AB: case 0x00BB: return '"';
    case 0x00A0: case 0x2007: case 0x202F: return ' ';
    case 0x2010: case 0x2011: return '-';
    default: return 0;
  }
}

static int undecomposed(utf8proc_int32_t c) {
  switch (c) {
    case 0x141: case 0x142: return 'l';  /* Ł ł */
    case 0xD8: case 0xF8: return 'o';    /* Ø ø */
    case 0x110: case 0x111: return 'd';  /* Đ đ */
    case 0x126: case 0x127: return 'h';  /* Ħ ħ */
    case 0x166: case 0x167: return 't';  /* Ŧ ŧ */
    case 0x131: return 'i';              /* ı */
    default: return 0;
  }
}

static Folded map(utf8proc_int32_t c, utf8proc_option_t options) {
  Folded folded = {{0}, 0};
  unsigned char in[4];
  const int n = encode(c, in);
  utf8proc_uint8_t* out = NULL;
  const utf8proc_ssize_t length = utf8proc_map(in, n, &out, options);
  if (length < 0 || length >= (utf8proc_ssize_t)sizeof folded.bytes) {
    fprintf(stderr, "fold_table_gen: utf8proc_map failed for U+%04X\n", (unsigned)c);
    exit(1);
  }
  memcpy(folded.bytes, out, (size_t)length);
  folded.length = (int)length;
  free(out);
  return folded;
}

static Folded single(utf8proc_int32_t c) {
  Folded folded = {{0}, 0};
  folded.length = encode(c, folded.bytes);
  return folded;
}

static Folded search_fold(utf8proc_int32_t c) {
  if (punctuation(c)) return single(punctuation(c));
  if (undecomposed(c)) return single(undecomposed(c));
  const utf8proc_category_t category = utf8proc_category(c);
  if ((c >= 0x400 && c <= 0x52F) || category == UTF8PROC_CATEGORY_SK || category == UTF8PROC_CATEGORY_LM)
    return map(c, UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE);
  Folded folded = map(c, UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
  int blank = 1;
  for (int i = 0; i < folded.length; ++i) blank &= folded.bytes[i] == ' ';
  const int is_mark = category == UTF8PROC_CATEGORY_MN || category == UTF8PROC_CATEGORY_MC || category == UTF8PROC_CATEGORY_ME;
  if (blank && !is_mark && category != UTF8PROC_CATEGORY_ZS)  /* a symbol that is all accent: keep it */
    return map(c, UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE);
  return folded;
}

static Folded lower_fold(utf8proc_int32_t c) {
  if (punctuation(c)) return single(punctuation(c));
  if (c == 0x3C2) return single(0x3C3);  /* final sigma, as case folding has it */
  return single(utf8proc_tolower(c));
}

static void write_table(FILE* out, const char* name, const int (*ranges)[2], int range_count, Folded (*fold)(utf8proc_int32_t)) {
  fprintf(out, "// %s: code points (ascending) and where each one's folded UTF-8 starts in %sBytes.\n", name, name);
  fprintf(out, "constexpr FoldEntry %s[] = {\n", name);
  size_t offset = 0;
  int count = 0;
  for (int r = 0; r < range_count; ++r)
    for (int c = ranges[r][0]; c <= ranges[r][1]; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      const Folded folded = fold(c);
      const Folded same = single(c);
      if (folded.length == same.length && memcmp(folded.bytes, same.bytes, (size_t)same.length) == 0) continue;
      fprintf(out, "%s{0x%X, %zu}", count % 6 ? " " : "  ", (unsigned)c, offset);
      offset += (size_t)folded.length;
      fputs(++count % 6 ? "," : ",\n", out);
    }
  if (offset > 0xFFFF) {
    fprintf(stderr, "fold_table_gen: %s is too large for 16-bit offsets\n", name);
    exit(1);
  }
  fprintf(out, "%s{0xFFFF, %zu}};\n", count % 6 ? "\n  " : "  ", offset);
  fprintf(out, "constexpr char %sBytes[] =\n  \"", name);
  int column = 0;
  for (int r = 0; r < range_count; ++r)
    for (int c = ranges[r][0]; c <= ranges[r][1]; ++c) {
      if (c >= 0xD800 && c <= 0xDFFF) continue;
      const Folded folded = fold(c);
      const Folded same = single(c);
      if (folded.length == same.length && memcmp(folded.bytes, same.bytes, (size_t)same.length) == 0) continue;
      for (int i = 0; i < folded.length; ++i) {
        column += fprintf(out, "\\x%02X", folded.bytes[i]);
        if (column > 90) fputs("\"\n  \"", out), column = 0;
      }
    }
  fputs("\";\n\n", out);
}

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: fold_table_gen RANGES OUTPUT\n");
    return 2;
  }
  int ranges[64][2];
  int range_count = 0;
  for (const char* s = argv[1]; *s;) {
    unsigned first, last;
    int used = 0;
    if (sscanf(s, "U+%x-%x%n", &first, &last, &used) == 2 && used > 0) {
    } else if (sscanf(s, "U+%x%n", &first, &used) == 1 && used > 0) {
      last = first;
    } else {
      fprintf(stderr, "fold_table_gen: bad range at \"%s\"\n", s);
      return 2;
    }
    if (range_count == 64 || last < first || last >= 0xFFFF) {  /* 16-bit entries, U+FFFF the sentinel */
      fprintf(stderr, "fold_table_gen: too many ranges, or one beyond U+FFFE\n");
      return 2;
    }
    ranges[range_count][0] = (int)first, ranges[range_count][1] = (int)last, ++range_count;
    s += used;
    if (*s == ',') ++s;
  }
  /* Ascending, so the tables come out sorted; overlaps are not expected. */
  for (int i = 1; i < range_count; ++i)
    for (int j = i; j > 0 && ranges[j][0] < ranges[j - 1][0]; --j) {
      int t0 = ranges[j][0], t1 = ranges[j][1];
      ranges[j][0] = ranges[j - 1][0], ranges[j][1] = ranges[j - 1][1];
      ranges[j - 1][0] = t0, ranges[j - 1][1] = t1;
    }
  for (int i = 1; i < range_count; ++i)
    if (ranges[i][0] <= ranges[i - 1][1]) {
      fprintf(stderr, "fold_table_gen: overlapping ranges\n");
      return 2;
    }
  const char* tmp_suffix = ".tmp";
  char* tmp = malloc(strlen(argv[2]) + strlen(tmp_suffix) + 1);
  strcpy(tmp, argv[2]);
  strcat(tmp, tmp_suffix);
  FILE* out = fopen(tmp, "w");
  if (!out) {
    perror(tmp);
    return 1;
  }
  fprintf(out, "// Generated by tools/fold_table_gen.c from utf8proc %s (Unicode %s) for %s.\n// Do not edit.\n\n",
          utf8proc_version(), utf8proc_unicode_version(), argv[1]);
  fprintf(out, "#define QE_FOLD_UTF8PROC_VERSION \"%s\"\n\n", utf8proc_version());
  write_table(out, "kSearchFold", (const int (*)[2])ranges, range_count, search_fold);
  write_table(out, "kLowerFold", (const int (*)[2])ranges, range_count, lower_fold);
  if (fclose(out) != 0 || rename(tmp, argv[2]) != 0) {
    perror(argv[2]);
    return 1;
  }
  free(tmp);
  return 0;
}
