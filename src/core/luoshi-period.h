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
 * luoshi_segment() calls it for every report; call it again only after
 * changing a report's kind or sections.
 *
 * Clues, strongest first:
 *  - a year in the title ("2012年工作要点", "桐梓2011工作总结", "07年",
 *    "二〇一二年"); 上半年/下半年 in the title gives the half ("2011H1");
 *  - explicit years in the text (four digits, or two as in "07年"): the
 *    most frequent one outside plan parts, a year in a heading counting
 *    three times, ties to the later year; years the sentence looks ahead
 *    to ("2013年，我们将…"), spans ("2012-2013学年", "到2015年") and
 *    years compared with or counted from ("比2011年", "自2004年以来") do
 *    not count; for a review+plan report with years only in its plan part,
 *    the year before;
 *  - when the years are masked (20xx, 20__, **年, ～年, a bare 年), only
 *    two-digit years written in a plan part and dated events (table
 *    below) count, and events only when two different ones agree.
 *    Unknown (year 0) beats a wrong guess; the evidence then names the
 *    mask and any events seen.
 *
 * Confidence: 1.0 title, 0.9 a clear year in the text, 0.7 a lone or
 * plan-part year (0.6 when masked, +0.2 when an event agrees), 0.5 two
 * agreeing events. Relative words (今年, 明年) are not resolved: they
 * only place a part (明年工作打算 is a plan part).
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
