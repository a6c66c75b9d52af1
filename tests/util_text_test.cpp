// The small text helpers every reader and report shares: what each one does
// with blanks, separators, multi-byte UTF-8 and broken bytes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/text.h"

namespace journeysim::util {
namespace {

TEST(UtilText, TrimBlanksStripsOnlySpacesAndTabs) {
  EXPECT_EQ(trim_blanks("  \tcustomer_id \t"), "customer_id");
  EXPECT_EQ(trim_blanks("a b"), "a b");
  EXPECT_EQ(trim_blanks(""), "");
  EXPECT_EQ(trim_blanks(" \t "), "");
  // A carriage return is data to a CSV reader, not padding.
  EXPECT_EQ(trim_blanks(" 12\r"), "12\r");
  EXPECT_EQ(trim_blanks("\n x"), "\n x");
  EXPECT_EQ(trim_blanks(" café "), "café");
}

TEST(UtilText, TrimWhitespaceAlsoStripsLineEnds) {
  EXPECT_EQ(trim_whitespace("\r\n\t steps = 3 \r\n"), "steps = 3");
  EXPECT_EQ(trim_whitespace(""), "");
  EXPECT_EQ(trim_whitespace("\n\r\t "), "");
  // Only ASCII blanks: a no-break space (U+00A0) stays.
  EXPECT_EQ(trim_whitespace("\xC2\xA0x "), "\xC2\xA0x");
}

TEST(UtilText, JoinPutsTheSeparatorBetweenItems) {
  EXPECT_EQ(join({}, ", "), "");
  EXPECT_EQ(join({"purchase"}, ", "), "purchase");
  EXPECT_EQ(join({"purchase", "lead_generation", "retention"}, ", "),
            "purchase, lead_generation, retention");
  EXPECT_EQ(join({"a", "b"}, ""), "ab");
  EXPECT_EQ(join({"été", "ñu"}, " · "), "été · ñu");
}

TEST(UtilText, JoinWritesNoSeparatorBeforeAnyText) {
  // A CSV header ",customer,time" has always been listed as "customer, time".
  EXPECT_EQ(join({"", "customer", "time"}, ", "), "customer, time");
  EXPECT_EQ(join({"", ""}, ", "), "");
  // Once text is written, empty items keep their place.
  EXPECT_EQ(join({"a", "", "b"}, ", "), "a, , b");
  EXPECT_EQ(join({"a", ""}, ", "), "a, ");
}

TEST(UtilText, Utf8ContinuationBytes) {
  EXPECT_FALSE(is_utf8_continuation('a'));
  EXPECT_FALSE(is_utf8_continuation('\xC3'));  // lead of é
  EXPECT_TRUE(is_utf8_continuation('\xA9'));   // tail of é
  EXPECT_TRUE(is_utf8_continuation('\x80'));
  EXPECT_TRUE(is_utf8_continuation('\xBF'));
  EXPECT_FALSE(is_utf8_continuation('\xC0'));
}

TEST(UtilText, Utf8LengthCountsCharacters) {
  EXPECT_EQ(utf8_length(""), 0u);
  EXPECT_EQ(utf8_length("checkout"), 8u);
  EXPECT_EQ(utf8_length("café"), 4u);                     // 5 bytes
  EXPECT_EQ(utf8_length("Spring launch — online"), 22u);  // em dash: 3 bytes
  EXPECT_EQ(utf8_length("\xF0\x9F\x9B\x92"), 1u);         // U+1F6D2, 4 bytes
  // Broken input: one per byte that is not a continuation byte.
  EXPECT_EQ(utf8_length("\xC3"), 1u);
  EXPECT_EQ(utf8_length("\xA9\xA9"), 0u);
}

TEST(UtilText, DecodeUtf8WellFormed) {
  EXPECT_EQ(decode_utf8("a", 0).code_point, U'a');
  EXPECT_EQ(decode_utf8("a", 0).length, 1u);
  EXPECT_EQ(decode_utf8("xé", 1).code_point, U'é');
  EXPECT_EQ(decode_utf8("xé", 1).length, 2u);
  EXPECT_EQ(decode_utf8("—", 0).code_point, 0x2014u);
  EXPECT_EQ(decode_utf8("—", 0).length, 3u);
  EXPECT_EQ(decode_utf8("\xF0\x9F\x9B\x92", 0).code_point, 0x1F6D2u);
  EXPECT_EQ(decode_utf8("\xF0\x9F\x9B\x92", 0).length, 4u);
  EXPECT_EQ(decode_utf8("\xF4\x8F\xBF\xBF", 0).code_point, 0x10FFFFu);
}

TEST(UtilText, DecodeUtf8RefusesWhatUnicodeForbids) {
  EXPECT_EQ(decode_utf8("\xA9", 0).length, 0u);              // a lone continuation
  EXPECT_EQ(decode_utf8("\xC3", 0).length, 0u);              // cut short
  EXPECT_EQ(decode_utf8("\xC3x", 0).length, 0u);             // no continuation
  EXPECT_EQ(decode_utf8("\xC0\x80", 0).length, 0u);          // overlong NUL
  EXPECT_EQ(decode_utf8("\xE0\x80\xAF", 0).length, 0u);      // overlong '/'
  EXPECT_EQ(decode_utf8("\xED\xA0\x80", 0).length, 0u);      // surrogate U+D800
  EXPECT_EQ(decode_utf8("\xF0\x8F\xBF\xBF", 0).length, 0u);  // overlong U+FFFF
  EXPECT_EQ(decode_utf8("\xF4\x90\x80\x80", 0).length, 0u);  // U+110000
  EXPECT_EQ(decode_utf8("\xF8\x88\x80\x80\x80", 0).length, 0u);
}

TEST(UtilText, LengthByLeadByteIsLaxer) {
  EXPECT_EQ(utf8_length_by_lead_byte("a", 0), 1u);
  EXPECT_EQ(utf8_length_by_lead_byte(std::string(1, '\0'), 0), 1u);
  EXPECT_EQ(utf8_length_by_lead_byte("xé", 1), 2u);
  EXPECT_EQ(utf8_length_by_lead_byte("—", 0), 3u);
  EXPECT_EQ(utf8_length_by_lead_byte("\xF0\x9F\x9B\x92", 0), 4u);
  // Where decode_utf8 refuses, the lead byte alone is enough here.
  EXPECT_EQ(utf8_length_by_lead_byte("\xC0\x80", 0), 2u);
  EXPECT_EQ(utf8_length_by_lead_byte("\xED\xA0\x80", 0), 3u);
  EXPECT_EQ(utf8_length_by_lead_byte("\xF4\x90\x80\x80", 0), 4u);
  EXPECT_EQ(utf8_length_by_lead_byte("\xF7\xBF\xBF\xBF", 0), 4u);
  // Still 0 without the continuation bytes the lead announces.
  EXPECT_EQ(utf8_length_by_lead_byte("\xA9", 0), 0u);
  EXPECT_EQ(utf8_length_by_lead_byte("\xE2\x80", 0), 0u);
  EXPECT_EQ(utf8_length_by_lead_byte("\xE2x\x94", 0), 0u);
  EXPECT_EQ(utf8_length_by_lead_byte("\xF8\x88\x80\x80\x80", 0), 0u);
}

TEST(UtilText, PadColumnsCountsCharacters) {
  EXPECT_EQ(pad_columns("metric", 10), "metric    ");
  EXPECT_EQ(pad_columns("café", 6), "café  ");  // 4 characters, 5 bytes
  EXPECT_EQ(pad_columns("", 3), "   ");
  // Already as wide or wider: one space keeps the columns apart.
  EXPECT_EQ(pad_columns("checkout", 8), "checkout ");
  EXPECT_EQ(pad_columns("checkout", 4), "checkout ");
  EXPECT_EQ(pad_columns("", 0), " ");
}

TEST(UtilText, PadBytesCountsBytes) {
  EXPECT_EQ(pad_bytes("steps", 8), "steps   ");
  EXPECT_EQ(pad_bytes("café", 6), "café ");  // 5 bytes
  EXPECT_EQ(pad_bytes("café", 5), "café ");
  EXPECT_EQ(pad_bytes("", 2), "  ");
}

TEST(UtilText, EscapeHtml) {
  EXPECT_EQ(escape_html(""), "");
  EXPECT_EQ(escape_html("Tom & Jerry's <b>\"shop\"</b>"),
            "Tom &amp; Jerry&#39;s &lt;b&gt;&quot;shop&quot;&lt;/b&gt;");
  EXPECT_EQ(escape_html("café — 5€"), "café — 5€");
  // Only markup characters change: newlines, control bytes and broken UTF-8
  // pass through.
  EXPECT_EQ(escape_html("a\nb\x01\xC3"), "a\nb\x01\xC3");
}

TEST(UtilText, EscapeXmlText) {
  EXPECT_EQ(escape_xml("", XmlPlace::Text), "");
  EXPECT_EQ(escape_xml("a & b's <c> \"d\"", XmlPlace::Text),
            "a &amp; b&apos;s &lt;c&gt; &quot;d&quot;");
  EXPECT_EQ(escape_xml("line\n\tnext\r", XmlPlace::Text), "line\n\tnext&#13;");
  EXPECT_EQ(escape_xml("café — 🛒", XmlPlace::Text), "café — 🛒");
}

TEST(UtilText, EscapeXmlAttribute) {
  EXPECT_EQ(escape_xml("line\n\tnext\r", XmlPlace::Attribute), "line&#10;&#9;next&#13;");
  EXPECT_EQ(escape_xml("'x'", XmlPlace::Attribute), "&apos;x&apos;");
}

TEST(UtilText, EscapeXmlReplacesWhatXmlCannotCarry) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(escape_xml(std::string("a\0b", 3), XmlPlace::Text), "a" + fffd + "b");
  EXPECT_EQ(escape_xml("\x01\x1F\x7F", XmlPlace::Text), fffd + fffd + fffd);
  // Each byte of a broken sequence is replaced on its own...
  EXPECT_EQ(escape_xml("\xC3(", XmlPlace::Text), fffd + "(");
  EXPECT_EQ(escape_xml("\xA9\xA9", XmlPlace::Text), fffd + fffd);
  // ...while what the lead byte announces passes, as JUnit output always had.
  EXPECT_EQ(escape_xml("\xED\xA0\x80", XmlPlace::Text), "\xED\xA0\x80");
}

}  // namespace
}  // namespace journeysim::util
