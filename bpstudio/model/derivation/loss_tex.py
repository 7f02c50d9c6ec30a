"""Each loss, and its derivative by the output (step 一), as formulas over Y and the label Ŷ."""

from __future__ import annotations

from collections.abc import Sequence

from bpstudio.model.derivation.expr import (
    C,
    Call,
    Expr,
    Fraction,
    Joined,
    Negated,
    Q,
    Square,
    bracket,
    juxtapose,
    minus,
    paren,
    product,
    total,
)

LOSS_PLAIN = {
    "half_sse": "E = ½ Σₖ (Yₖ − Ŷₖ)²",
    "mse": "E = (1/n) Σₖ (Yₖ − Ŷₖ)²",
    # no English word: the intro is a Chinese sentence in Chinese documents
    "cross_entropy": "E = −Σₖ Ŷₖ ln Yₖ (softmax); "
    "E = −Σₖ [Ŷₖ ln Yₖ + (1 − Ŷₖ) ln(1 − Yₖ)] (sigmoid)",
}


def loss_expr(loss: str, activation: str, ys: Sequence[Q], labels: Sequence[Q]) -> Expr:
    """The right-hand side of ``E = ...`` for one sample."""
    pairs = list(zip(ys, labels, strict=True))
    if loss in ("half_sse", "mse"):
        scale = "2" if loss == "half_sse" else str(len(pairs))
        squares = total(*[Square(minus(y, y_hat)) for y, y_hat in pairs])
        return juxtapose(C(rf"\frac{{1}}{{{scale}}}"), bracket(squares))
    if loss == "cross_entropy" and activation == "softmax":
        terms = [product(y_hat, Call(r"\ln", (y,))) for y, y_hat in pairs]
        return Negated(bracket(total(*terms)))
    if loss == "cross_entropy":
        terms = [_binary_cross_entropy(y, y_hat) for y, y_hat in pairs]
        return Negated(bracket(total(*terms)))
    raise ValueError(f"no formula for loss {loss!r}")


def _binary_cross_entropy(y: Q, y_hat: Q) -> Expr:
    one = C("1")
    return total(
        product(y_hat, Call(r"\ln", (y,))),
        product(paren(minus(one, y_hat)), Call(r"\ln", (minus(one, y),))),
    )


def dE_dY_expr(loss: str, n_outputs: int, y: Q, y_hat: Q) -> Expr:
    """Step 一, ∂E/∂Y_k, for the losses whose steps 一 and 二 stay separate."""
    if loss == "half_sse":
        return minus(y, y_hat)
    if loss == "mse":
        return product(Fraction(C("2"), C(str(n_outputs))), paren(minus(y, y_hat)))
    raise ValueError(f"loss {loss!r} merges steps 一 and 二")


def as_factor(expr: Expr) -> Expr:
    """Parenthesise a difference so that it can be multiplied: ``(Y_1 - \\hat{Y}_1)``."""
    if isinstance(expr, Joined) and expr.operator in ("-", "+"):
        return paren(expr)
    return expr
