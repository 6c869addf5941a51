/* luoshi-period.h: the period a report covers
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "luoshi-document.h"

G_BEGIN_DECLS

/* Sets @report's year, half, period_confidence and period_evidence from
 * its title and text. @report must be one of @doc's reports, already
 * segmented (sections and kind set): a review+plan report gets the
 * reviewed year, a plan the year it plans for.
 *
 * Clues, strongest first:
 *  - a year in the title ("2012年工作要点", "桐梓2011工作总结", "07年");
 *    上半年/下半年 in the title gives the half;
 *  - explicit years in the text (four digits, or two as in "07年"): the
 *    most frequent one outside plan parts; for a review+plan report with
 *    years only in its plan part, the year before;
 *  - when the years are masked (20xx, 20__, **年, ～年, a bare 年), only
 *    years written in a plan part and dated events (table below) count, and
 *    events only when two different ones agree. Unknown (year 0) beats a
 *    wrong guess.
 *
 * Dated events (luoshi-period.c, `dated_events`), from the public record
 * (Xinhua chronologies); each is a year a report mentioning it is most
 * likely about:
 *   汶川 (Wenchuan earthquake) 2008 · 北京奥运 / 奥运会 2008 ·
 *   改革开放30周年 2008 · 建国60周年 2009 · 建党85周年 2006 ·
 *   建党90周年 2011 · 长征胜利70周年 2006 · 八荣八耻 2006 ·
 *   十六届六中全会 2006 · 十七届四中全会 2009 · 学习实践科学发展观 2009 ·
 *   《国家中长期教育改革和发展规划纲要》 2010 · 八项规定 2013 ·
 *   群众路线教育实践活动 2013 · 两学一做 2016.
 */
void luoshi_period_detect (LuoshiDocument *doc,
                           LuoshiReport   *report);

G_END_DECLS
