/* luoshi-org.h: the body that issued a report
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-document.h"

G_BEGIN_DECLS

/* The issuing body of @report as written in the text (original script),
 * e.g. "锦江区教育局", "市教育局督导室", "XX市人民政府教育督导室", or NULL
 * when the text does not say. The title is preferred; a name with a
 * place (涿州市教育局) found in the body fills in for a title without
 * one; 我局/我室 alone resolve to nothing. */
char *luoshi_org_detect (LuoshiDocument *doc,
                         LuoshiReport   *report) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
