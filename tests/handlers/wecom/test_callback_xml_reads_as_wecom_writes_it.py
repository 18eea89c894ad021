"""A callback's XML as the engine reads it (parsed by ElementTree in C, read the way xmltodict reads it): text
stripped, an empty element None, a repeated element a list, nested elements dicts; anything else refused."""

import pytest

from handlers.wecom.crypto import MalformedMessage, parse_xml


def test_text_is_stripped_and_an_empty_element_is_none() -> None:
    parsed = parse_xml("<xml><ToUserName><![CDATA[ww1]]></ToUserName><Content><![CDATA[  3 1 0 ]]></Content>"
                       "<Empty></Empty><MsgId>123</MsgId></xml>")
    assert parsed == {"ToUserName": "ww1", "Content": "3 1 0", "Empty": None, "MsgId": "123"}


def test_a_card_answer_keeps_its_nesting_and_repeats() -> None:
    parsed = parse_xml(
        "<xml><SelectedItems><SelectedItem><QuestionKey>q1</QuestionKey><OptionIds><OptionId>a</OptionId>"
        "<OptionId>b</OptionId></OptionIds></SelectedItem><SelectedItem><QuestionKey>q2</QuestionKey><OptionIds>"
        "<OptionId>c</OptionId></OptionIds></SelectedItem></SelectedItems></xml>")
    items = parsed["SelectedItems"]["SelectedItem"]
    assert items == [{"QuestionKey": "q1", "OptionIds": {"OptionId": ["a", "b"]}},
                     {"QuestionKey": "q2", "OptionIds": {"OptionId": "c"}}]


def test_escaped_characters_are_read() -> None:
    assert parse_xml('<?xml version="1.0" encoding="UTF-8"?><xml><A>x &amp; y</A></xml>') == {"A": "x & y"}


@pytest.mark.parametrize("xml", ["<xml>", "<root><A>1</A></root>", "<xml/>", "<xml>text</xml>", b"\xff\xfe",
                                 "<xml><A>1</A></xml><x/>", '<!DOCTYPE x [<!ENTITY a "b">]><xml><A>&a;</A></xml>'])
def test_anything_else_is_refused(xml: str | bytes) -> None:
    with pytest.raises(MalformedMessage):
        parse_xml(xml)
