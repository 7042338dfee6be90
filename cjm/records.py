"""Value classes without `dataclasses` (which costs the start-up of every hook run).

`@record` gives a class an `__init__` taking its annotated fields in order
(those with a class-level default may be left out; `field(factory=list)`
makes a fresh default each time), and `__eq__`, `__repr__` and, with `hashable=True`,
`__hash__` over those fields: the parts of `@dataclass` cjm uses, built
without generating and compiling code for each class. A record is not frozen
at run time; mypy reads it as a dataclass (`dataclass_transform`). The few
values made in large numbers (`Pos`) write their `__init__` by hand.
"""

from __future__ import annotations

from collections.abc import Callable

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing at run time (start-up)
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")



class _Factory:
    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def field(*, factory: Callable[[], T]) -> T:
    """A default made fresh for each record: `items: list[str] = field(factory=list)`."""
    return _Factory(factory)  # type: ignore[return-value]


def _record(cls: type[T], hashable: bool) -> type[T]:
    names = tuple(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063 (inspect costs start-up)
    defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}
    for name in defaults:
        delattr(cls, name)  # instance values only; a class attribute would hide nothing but confuse
    required = [name for name in names if name not in defaults]
    post_init = getattr(cls, "__post_init__", None)
    if names[: len(required)] != tuple(required):
        raise TypeError(f"{cls.__name__}: a field without a default follows one with a default")

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{cls.__name__}() takes {len(names)} arguments, got {len(args)}")
        values = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if (name not in defaults and name not in required) or name in values:
                raise TypeError(f"{cls.__name__}() got an unexpected or repeated argument {name!r}")
            values[name] = value
        for name in names:
            if name in values:
                setattr(self, name, values[name])
            elif name in defaults:
                default = defaults[name]
                setattr(self, name, default.make() if isinstance(default, _Factory) else default)
            else:
                raise TypeError(f"{cls.__name__}() is missing the argument {name!r}")
        if post_init is not None:
            post_init(self)

    def fields(self: Any) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in names)

    def __eq__(self: Any, other: object) -> bool:
        return fields(self) == fields(other) if other.__class__ is self.__class__ else NotImplemented

    def __repr__(self: Any) -> str:
        return f"{cls.__qualname__}({', '.join(f'{n}={getattr(self, n)!r}' for n in names)})"

    hash_fields = (lambda self: hash(fields(self))) if hashable else None
    for name, value in (("__init__", __init__), ("__eq__", __eq__), ("__repr__", __repr__),
                        ("__hash__", hash_fields), ("__match_args__", names), ("__record_fields__", names)):
        setattr(cls, name, value)
    return cls


def replace(value: T, **changes: Any) -> T:
    """A copy of the record `value` with some fields changed (as `dataclasses.replace`)."""
    names: tuple[str, ...] = type(value).__record_fields__  # type: ignore[attr-defined]
    return type(value)(**{name: changes[name] if name in changes else getattr(value, name)
                          for name in names})


if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @dataclass_transform(eq_default=True, field_specifiers=(field,))
    def record(cls: type[T] | None = None, /, *, hashable: bool = False) -> Any: ...
else:
    def record(cls=None, /, *, hashable=False):
        """The class decorator (`@record`, or `@record(hashable=True)`)."""
        if cls is None:
            return lambda inner: _record(inner, hashable)
        return _record(cls, hashable)
