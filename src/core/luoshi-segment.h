/* luoshi-segment.h: split a document into reports, outline sections and sentences
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-document.h"

G_BEGIN_DECLS

/* Fills @doc's reports, sections and sentences from its text, replacing
 * what it had. Every sentence belongs to exactly one report.
 *
 * Reports tile the text in order, without gaps: a new one begins at a
 * title line (…教育局…工作总结, 篇N, 第N篇:, …讲话), at the first line of a
 * report repeated after its text, at a dated review part after body text
 * ("2013年上半年工作总结"), and where the top outline numbering starts
 * again at 一 (its opening paragraph goes with it). Each report also gets
 * its title, kind, period (luoshi_period_detect()) and issuing body
 * (luoshi_org_detect()), so luoshi_extract() need not set them.
 *
 * Sections form a tree per report, levels by first appearance; unmarked
 * short headings ("基本情况") are leaves, unmarked part headings
 * ("存在的问题", "明年工作打算") top-level parts. Each section's kind is its
 * heading's (luoshi_outline_heading_kind()), else its parent's, else the
 * report's default (plan for a plan, review for a review).
 *
 * Sentences are split exactly as the scorer's tools/sentences.py does:
 * at 。！？；!?; and line breaks (LF, CRLF, lone CR), trimmed, with a CJK
 * character. Linear in the text. */
void luoshi_segment (LuoshiDocument *doc);

G_END_DECLS
