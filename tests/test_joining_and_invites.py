"""Issue 8, people: invites that say who invites whom where, colleges picked not retyped, times
in the cluster's zone, joining that never lowers a role, and a coordinator's next steps."""

from __future__ import annotations

import re

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from handlers.states import InviteDialog, JoinDialog
from storage.models import Cluster, Invite, MemberRole, Membership, Person
from tests.chat import Chat
from tests.conftest import ADMIN_TELEGRAM_ID, CoordinatorCluster
from tests.fake_telegram import FakeUser

LINK = re.compile(r"https://t\.me/\w+\?start=(\S+)")


async def _invite(chat: Chat, coordinator: FakeUser, role: str, college: str | None) -> str:
    """/invite through its buttons; ``college`` is typed (None: «Без организации»)."""
    await chat.say(coordinator, "/invite")
    asked = await chat.press(coordinator, role)
    if role == "исполнитель":
        assert "организацию" in asked.text
        if college is None:
            await chat.press(coordinator, "Без организации")
        else:
            await chat.say(coordinator, college)
    created = chat.last(coordinator)
    match = LINK.search(created.text)
    assert match, created.text
    return match[1]


async def _join(chat: Chat, user: FakeUser, token: str, name: str) -> str:
    await chat.say(user, f"/start {token}")
    asked = await chat.say(user, name)
    if "организацию" in asked.text:
        asked = await chat.say(user, "Колледж без приглашения")
    return (await chat.press(user, "Пропустить")).text


async def test_an_invite_names_the_inviter_the_cluster_and_the_college_both_when_made_and_opened(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    coordinator = coordinator_cluster.user
    token = await _invite(chat, coordinator, "исполнитель", "Колледж связи")
    note, invitation = chat.messages(coordinator)[-2:]
    assert "Перешлите следующее сообщение" in note.text
    offer = "Ольга Секретарёва приглашает вас в кластер «Кластер транспорта» как исполнителя"
    assert f"{offer} от «Колледж связи»." in invitation.text
    assert "(UTC)" not in invitation.text

    head = chat.fake.user(3101, "Иван", "Петров")
    asked = await chat.say(head, f"/start {token}")
    assert f"{offer} от «Колледж связи»." in asked.text
    assert "фамилию, имя и отчество" in asked.text
    data = await chat.data(head)
    assert token not in str(data)  # the dialog keeps the invite's id, never the link's secret


async def test_the_second_invite_offers_the_clusters_colleges_instead_of_typing_again(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    coordinator = coordinator_cluster.user
    await _invite(chat, coordinator, "исполнитель", "Колледж связи")
    await chat.say(coordinator, "/invite")
    asked = await chat.press(coordinator, "исполнитель")
    labels = [b["text"] for b in asked.buttons()]
    assert labels == ["Колледж связи", "Другая организация…", "Без организации"]
    created = await chat.press(coordinator, "Колледж связи")
    assert "от «Колледж связи»" in created.text

    await chat.say(coordinator, "/invite")
    await chat.press(coordinator, "исполнитель")
    typed = await chat.press(coordinator, "Другая организация…")
    assert "Напишите название организации" in typed.text
    assert await chat.state(coordinator) == InviteDialog.organization
    created = await chat.say(coordinator, "Рославльский техникум")
    assert "от «Рославльский техникум»" in created.text

    await chat.say(coordinator, "/invite")
    await chat.press(coordinator, "исполнитель")
    created = await chat.press(coordinator, "Без организации")
    assert "как исполнителя." in created.text
    assert " от «" not in created.text
    async with session_factory() as session:
        invites = (await session.execute(select(Invite).order_by(Invite.id))).scalars().all()
    first, second = invites[0].organization_id, invites[1].organization_id
    assert first is not None
    assert first == second  # the same college, not a second copy of it
    assert invites[3].organization_id is None


async def test_invite_times_are_shown_in_the_clusters_zone_never_in_utc(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    async with session_factory() as session:
        await session.execute(
            update(Cluster)
            .where(Cluster.id == coordinator_cluster.cluster_id)
            .values(timezone="Asia/Tomsk")
        )
        await session.commit()
    coordinator = coordinator_cluster.user
    await _invite(chat, coordinator, "наблюдатель", None)
    # Made at 09:00 UTC on 01.03.2022 for 72 hours: 16:00 on 04.03 in Tomsk (UTC+7).
    assert "до 04.03.2022 16:00 (время кластера)" in chat.last(coordinator).text
    listed = await chat.say(coordinator, "/invites")
    assert "до 04.03.2022 16:00 (время кластера)" in listed.text
    assert "UTC" not in listed.text


async def test_joining_without_an_organization_says_no_dash_for_it(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    token = await _invite(chat, coordinator_cluster.user, "наблюдатель", None)
    welcome = await _join(chat, chat.fake.user(3102, "Вера"), token, "Вера Наблюдающая")
    first_line = welcome.splitlines()[0]
    assert first_line == "Добро пожаловать в кластер «Кластер транспорта»! Ваша роль — наблюдатель."
    assert "организация" not in welcome
    members = await chat.say(coordinator_cluster.user, "/members")
    assert "• Вера Наблюдающая — наблюдатель\n" in members.text + "\n"
    assert "роли:" not in members.text


async def test_a_new_coordinator_is_told_to_send_the_plan_invite_the_colleges_and_bind_the_group(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    token = await _invite(chat, coordinator_cluster.user, "координатор", None)
    second = chat.fake.user(3103, "Пётр", "Второй")
    welcome = await _join(chat, second, token, "Второй Пётр Ильич")
    assert "Ваша роль — координатор" in welcome
    assert "файл плана работы (DOCX, XLSX или текст)" in welcome
    assert "/invite" in welcome
    assert "/bind" in welcome

    again = await chat.say(second, "/start")
    assert "В кластере «Кластер транспорта» ещё нет плана работы." in again.text
    assert "файл плана работы" in again.text


async def test_a_new_cluster_message_tells_the_administrator_to_invite_its_coordinator(
    chat: Chat,
) -> None:
    admin = chat.fake.user(ADMIN_TELEGRAM_ID, "Админ")
    await chat.say(admin, "/start")
    await chat.say(admin, "/newcluster")
    await chat.say(admin, "Кластер машиностроения")
    zones = await chat.say(admin, "Томская область")
    assert [b["text"] for b in zones.buttons()] == [
        "Калининград (МСК−1)",
        "Москва (МСК)",
        "Самара (МСК+1)",
        "Екатеринбург (МСК+2)",
        "Омск (МСК+3)",
        "Новосибирск (МСК+4)",
        "Томск (МСК+4)",
        "Красноярск (МСК+4)",
        "Иркутск (МСК+5)",
        "Якутск (МСК+6)",
        "Владивосток (МСК+7)",
        "Магадан (МСК+8)",
        "Камчатка (МСК+9)",
    ]
    created = await chat.press(admin, "Томск (МСК+4)")
    assert "часовой пояс — Томск (МСК+4)" in created.text
    assert "/invite" in created.text
    assert "координатор" in created.text


async def test_a_coordinator_opening_an_executors_link_stays_coordinator_and_leaves_it_unused(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    coordinator = coordinator_cluster.user
    token = await _invite(chat, coordinator, "исполнитель", "Колледж связи")
    answer = await chat.say(coordinator, f"/start {token}")
    assert "ваша роль не изменится" in answer.text
    assert "перешлите её" in answer.text
    assert await chat.state(coordinator) is None
    async with session_factory() as session:
        membership = (await session.execute(select(Membership))).scalar_one()
        invite = (await session.execute(select(Invite))).scalar_one()
    assert membership.role is MemberRole.COORDINATOR
    assert invite.used_count == 0  # the college head can still use the link

    head = chat.fake.user(3104, "Иван", "Петров")
    assert "Добро пожаловать" in await _join(chat, head, token, "Петров Иван")


async def test_the_last_coordinator_is_never_demoted_or_removed(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = chat.fake.user(ADMIN_TELEGRAM_ID, "Админ")
    await chat.say(admin, "/start")
    members = await chat.say(admin, "/members")
    await chat.press(admin, "⚙️ Ольга Секретарёва", message=members)
    await chat.press(admin, "исполнитель")
    assert "хотя бы один координатор" in chat.toast()
    await chat.press(admin, "⚙️ Ольга Секретарёва", message=members)
    await chat.press(admin, "Исключить")
    assert "хотя бы один координатор" in chat.toast()
    async with session_factory() as session:
        membership = (await session.execute(select(Membership))).scalar_one()
    assert membership.role is MemberRole.COORDINATOR
    assert membership.removed_at is None


async def test_a_joining_dialog_asks_the_organization_only_when_the_invite_names_none(
    chat: Chat, coordinator_cluster: CoordinatorCluster
) -> None:
    coordinator = coordinator_cluster.user
    named = await _invite(chat, coordinator, "исполнитель", "Колледж связи")
    head = chat.fake.user(3105, "Анна")
    await chat.say(head, f"/start {named}")
    await chat.say(head, "Анна Первая")
    assert await chat.state(head) == JoinDialog.position
    welcome = await chat.press(head, "Пропустить")
    assert "организация — «Колледж связи»" in welcome.text
    assert "/my" in welcome.text


async def test_a_group_is_bound_with_bind_and_followed_when_it_becomes_a_supergroup(
    chat: Chat,
    coordinator_cluster: CoordinatorCluster,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    coordinator = coordinator_cluster.user
    group = chat.fake.group(-5001, "Кластер транспорта", supergroup=False)
    bound = await chat.say(coordinator, "/bind", chat=group)
    assert "Группа привязана к кластеру «Кластер транспорта»" in bound.text
    await chat.feed(chat.fake.migrate_group(group, -1005001))
    async with session_factory() as session:
        cluster = await session.get(Cluster, coordinator_cluster.cluster_id)
        assert cluster is not None
        assert cluster.group_chat_id == -1005001

    stranger = chat.fake.user(3106, "Чужой")
    await chat.say(stranger, "/start")
    refused = await chat.say(stranger, "/bind", chat=group)
    assert "только координатор" in refused.text
    async with session_factory() as session:
        people = (await session.execute(select(Person))).scalars().all()
    assert len(people) == 2
