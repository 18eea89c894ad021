"""A county's organisation file may list its development zones' 管理委员会 with the kind 开发区, or leave the kind
empty for a name that says it (舒城经济开发区管委会); a wrong kind is refused with the kinds there are, 开发区 among them."""

from __future__ import annotations

import pytest

from storage import OrgImportError, Store, Unit, import_org_csv

FILE = """userid,name,role,unit,unit_kind,area
qianyi,钱一,staff,舒城经济开发区管理委员会,开发区,舒城县
sunsan,孙三,staff,舒城县高新技术产业开发区管委会,,舒城县
lisi,李四,staff,杭埠镇,,舒城县
"""


def test_a_zone_is_imported_with_the_kind_given_or_the_kind_its_name_says(store: Store) -> None:
    import_org_csv(store, FILE)
    assert store.unit("舒城经济开发区管理委员会") == Unit("舒城经济开发区管理委员会", "开发区", "舒城县")
    assert store.unit("舒城县高新技术产业开发区管委会") == Unit("舒城县高新技术产业开发区管委会", "开发区", "舒城县")
    assert store.unit("杭埠镇") == Unit("杭埠镇", "镇", "舒城县")


def test_a_wrong_kind_is_refused_naming_the_zones_kind_among_the_kinds(store: Store) -> None:
    with pytest.raises(OrgImportError) as caught:
        import_org_csv(store, FILE.replace(",开发区,", ",经开区,"))
    [problem] = caught.value.problems
    assert problem.startswith("第2行") and "单位类型「经开区」无效" in problem
    assert "、开发区" in problem and "县级部门" in problem
