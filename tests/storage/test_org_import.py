from __future__ import annotations

from pathlib import Path

import pytest

from bot.report import empty_report
from storage import OrgImportError, OrgImportResult, Store, Unit, User, import_org_csv

from .conftest import at

GOOD = """userid,name,role,unit,unit_kind,area
zhangsan,张三,staff,册井镇,镇,永清县
lisi,李四,staff,刘街乡,,永清县
wangwu,王五,staff,县财政局,县级部门,永清县
zhaoliu,赵六,supervisor,,,永清县
admin,管理员,admin,,,
"""


def test_good_file(store: Store) -> None:
    result = import_org_csv(store, "\ufeff" + GOOD)
    assert result == OrgImportResult(units_added=3, users_added=5)
    assert store.unit("刘街乡") == Unit("刘街乡", "乡", "永清县")  # kind guessed from the name
    assert store.user("zhangsan") == User("zhangsan", "张三", "staff", "册井镇", "永清县", True)
    assert [u.userid for u in store.users_of_unit("册井镇")] == ["zhangsan"]
    # a supervisor covers every unit of its area
    (supervisor,) = store.supervisors_of_area("永清县")
    assert supervisor.userid == "zhaoliu"
    assert {u.name for u in store.units(area=supervisor.area)} == {"册井镇", "刘街乡", "县财政局"}
    assert [u.userid for u in store.admins()] == ["admin"]


def test_bad_lines_are_all_reported_and_nothing_is_imported(store: Store) -> None:
    text = """userid,name,role,unit,unit_kind,area
zhangsan,张三,staff,册井镇,镇,永清县
,无名,staff,册井镇,镇,永清县
lisi,李四,boss,刘街乡,乡,永清县

wangwu,王五,staff,,,永清县
zhaoliu,赵六,supervisor,,,
sunqi,孙七,staff,册井镇,乡,永清县
zhangsan,张三,staff,册井镇,镇,永清县
zhouba,周八,staff,城关,区县,永清县
wujiu,吴九,staff,县档案馆,,永清县
"""
    with pytest.raises(OrgImportError) as caught:
        import_org_csv(store, text)
    problems = caught.value.problems
    assert [p.split("：")[0] for p in problems] == [
        "第3行", "第4行", "第6行", "第7行", "第8行", "第9行", "第10行", "第11行"]
    assert "userid 为空" in problems[0]
    assert "角色「boss」无效" in problems[1]
    assert "必须填写所在单位" in problems[2]
    assert "必须填写负责的区域" in problems[3]
    assert "与第2行的「镇」不一致" in problems[4]
    assert "与第2行重复" in problems[5]
    assert "单位类型「区县」无效" in problems[6]
    assert "无法从名称判断单位「县档案馆」的类型" in problems[7]
    assert "未导入任何内容" in str(caught.value)
    assert store.units() == [] and store.users() == []


def test_missing_header_column(store: Store) -> None:
    with pytest.raises(OrgImportError, match="第1行（表头）缺少列：unit_kind"):
        import_org_csv(store, "userid,name,role,unit,area\nzhangsan,张三,staff,册井镇,永清县\n")


def test_gbk_bytes_and_gbk_file(store: Store, tmp_path: Path) -> None:
    data = GOOD.replace("staff", "工作人员").encode("gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = tmp_path / "组织架构.csv"
    path.write_bytes(data)
    assert import_org_csv(store, path).users_added == 5
    assert store.user("zhangsan").role == "staff"
    assert import_org_csv(store, data).users_updated == 0


def test_reimport_updates_and_keeps_reports(store: Store) -> None:
    import_org_csv(store, GOOD)
    store.save_report(empty_report("册井镇", "镇", 2024), "zhangsan", at())
    store.log_unknown_user("qianshi", at())
    audit_rows = len(store.audit_log("册井镇", 2024))

    changed = GOOD.replace("张三,staff", "张珊,staff").replace("lisi,李四,staff,刘街乡,,永清县\n", "")
    changed += "qianshi,钱十,staff,册井镇,镇,永清县\n"
    result = import_org_csv(store, changed)

    assert result == OrgImportResult(units_added=0, units_updated=0, users_added=1, users_updated=1,
                                     users_deactivated=1)
    assert store.user("zhangsan").name == "张珊"
    assert store.user("lisi").active is False  # kept, not deleted
    assert store.users_of_unit("刘街乡") == []
    assert store.report("册井镇", 2024) is not None
    assert len(store.audit_log("册井镇", 2024)) == audit_rows
    assert store.unknown_users() == []  # qianshi is known now

    assert import_org_csv(store, GOOD).users_updated == 2  # 张三's name back, lisi active again
    assert store.user("lisi").active is True
