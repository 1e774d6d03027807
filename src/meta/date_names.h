/*
** date_names.h — the date scanner's name tables (weekdays and months, per
** language and calendar), read by date.c and by date_index_gen.c, the
** build-time program that writes their index by first byte
** (generated/date_index.h), so that a scan reads a constant index instead
** of building one.  Included by those two files only.
*/
#ifndef HS_DATE_NAMES_H
#define HS_DATE_NAMES_H

#include <stddef.h>

typedef struct name_row {
  const char *name;
  int value;
} name_row;

/* English month names and abbreviations (matched case-insensitively,
** longest first by table order: full names precede abbreviations). */
static const name_row en_months[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4},
    {"may", 5}, {"june", 6}, {"july", 7}, {"august", 8},
    {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"sept.", 9}, {"sept", 9}, {"jan.", 1}, {"feb.", 2}, {"mar.", 3},
    {"apr.", 4}, {"jun.", 6}, {"jul.", 7}, {"aug.", 8}, {"sep.", 9},
    {"oct.", 10}, {"nov.", 11}, {"dec.", 12}, {"jan", 1}, {"feb", 2},
    {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8},
    {"sep", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}, {NULL, 0}};

/* Arabic Gregorian months: Egyptian/Gulf names, then Levantine/Iraqi. */
static const name_row ar_months[] = {
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4},
    {"إبريل", 4}, {"مايو", 5}, {"يونيو", 6}, {"يونيه", 6}, {"يوليو", 7},
    {"يوليه", 7}, {"أغسطس", 8}, {"اغسطس", 8}, {"سبتمبر", 9},
    {"أكتوبر", 10}, {"اكتوبر", 10}, {"نوفمبر", 11}, {"ديسمبر", 12},
    {"كانون الثاني", 1}, {"شباط", 2}, {"آذار", 3}, {"نيسان", 4},
    {"أيار", 5}, {"ايار", 5}, {"حزيران", 6}, {"تموز", 7}, {"آب", 8},
    {"أيلول", 9}, {"ايلول", 9}, {"تشرين الأول", 10}, {"تشرين الاول", 10},
    {"تشرين الثاني", 11}, {"كانون الأول", 12}, {"كانون الاول", 12},
    {NULL, 0}};

/* Hijri (lunar) months. */
static const name_row hijri_months[] = {
    {"محرم", 1}, {"المحرم", 1}, {"صفر", 2}, {"ربيع الأول", 3},
    {"ربيع الاول", 3}, {"ربيع الآخر", 4}, {"ربيع الثاني", 4},
    {"ربيع الاخر", 4}, {"جمادى الأولى", 5}, {"جمادى الاولى", 5},
    {"جمادى الأول", 5}, {"جمادى الآخرة", 6}, {"جمادى الاخرة", 6},
    {"جمادى الثانية", 6}, {"رجب", 7}, {"شعبان", 8}, {"رمضان", 9},
    {"شوال", 10}, {"ذو القعدة", 11}, {"ذي القعدة", 11}, {"ذو الحجة", 12},
    {"ذي الحجة", 12}, {NULL, 0}};

/* Solar Hijri months (Persian). */
static const name_row fa_months[] = {
    {"فروردین", 1}, {"اردیبهشت", 2}, {"خرداد", 3}, {"تیر", 4},
    {"مرداد", 5}, {"امرداد", 5}, {"شهریور", 6}, {"مهر", 7}, {"آبان", 8},
    {"آذر", 9}, {"دی", 10}, {"بهمن", 11}, {"اسفند", 12}, {NULL, 0}};

/* Gregorian months written in Persian. */
static const name_row fa_greg_months[] = {
    {"ژانویه", 1}, {"فوریه", 2}, {"مارس", 3}, {"آوریل", 4}, {"مه", 5},
    {"می", 5}, {"ژوئن", 6}, {"ژوئیه", 7}, {"جولای", 7}, {"اوت", 8},
    {"آگوست", 8}, {"سپتامبر", 9}, {"اکتبر", 10}, {"نوامبر", 11},
    {"دسامبر", 12}, {NULL, 0}};

static const name_row weekdays[] = {
    {"monday", 1}, {"tuesday", 2}, {"wednesday", 3}, {"thursday", 4},
    {"friday", 5}, {"saturday", 6}, {"sunday", 7}, {"mon.", 1},
    {"tue.", 2}, {"wed.", 3}, {"thu.", 4}, {"fri.", 5}, {"sat.", 6},
    {"sun.", 7}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4},
    {"fri", 5}, {"sat", 6}, {"sun", 7}, {"الاثنين", 1}, {"الإثنين", 1}, {"الثلاثاء", 2},
    {"الأربعاء", 3}, {"الاربعاء", 3}, {"الخميس", 4}, {"الجمعة", 5},
    {"السبت", 6}, {"الأحد", 7}, {"الاحد", 7}, {"دوشنبه", 1},
    {"سه‌شنبه", 2}, {"سه شنبه", 2}, {"چهارشنبه", 3}, {"پنجشنبه", 4},
    {"پنج‌شنبه", 4}, {"جمعه", 5}, {"شنبه", 6}, {"یکشنبه", 7},
    {"یک‌شنبه", 7}, {NULL, 0}};

enum { T_WEEKDAY, T_EN, T_AR, T_HIJRI, T_FA, T_FA_GREG, NTABLES, T_RU };
#define MAX_ROWS 64

static const name_row *const tables[NTABLES] = {
    weekdays, en_months, ar_months, hijri_months, fa_months, fa_greg_months};

_Static_assert(sizeof weekdays / sizeof weekdays[0] <= MAX_ROWS &&
                   sizeof en_months / sizeof en_months[0] <= MAX_ROWS &&
                   sizeof ar_months / sizeof ar_months[0] <= MAX_ROWS &&
                   sizeof hijri_months / sizeof hijri_months[0] <= MAX_ROWS &&
                   sizeof fa_months / sizeof fa_months[0] <= MAX_ROWS &&
                   sizeof fa_greg_months / sizeof fa_greg_months[0] <=
                       MAX_ROWS,
               "a name table outgrows the scan's row index");

#endif
