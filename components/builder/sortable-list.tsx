"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type Announcements, type DragEndEvent, type UniqueIdentifier } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";

type Props<T extends { id: string }> = {
  items: T[];
  /** Called once, on drop, with the item's old and new places (react-hook-form's move) */
  onMove: (from: number, to: number) => void;
  /** What an item is called in the handle's label and the announcements ("la question « Prénom »") */
  nameOf: (index: number) => string;
  /** The list and item elements (kept as the editors had them: <ol>/<li>, <div>…) */
  as?: "ol" | "div";
  itemAs?: "li" | "div";
  className?: string;
  itemClassName?: string;
  /** An item, given its drag handle to place where it fits (named by nameOf, or by the name given when it is live) */
  children: (item: T, index: number, handle: (name?: string) => ReactNode) => ReactNode;
};

/**
 * A vertical list reordered by dragging an item's handle with the mouse or a finger, or from
 * the keyboard (focus the handle, Space to lift, arrows to move, Space to drop, Escape to
 * cancel), each step announced to screen readers in the interface's language.
 */
export function SortableList<T extends { id: string }>({ items, onMove, nameOf, as: List = "div", itemAs = "div", className, itemClassName, children }: Props<T>) {
  const t = useTranslations("builder.dnd");
  const sensors = useSensors(
    // A few pixels before a drag starts, so a click on the handle stays a click.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const indexOf = (id: UniqueIdentifier | undefined) => items.findIndex((item) => item.id === id);
  const said = (key: "start" | "over" | "end" | "cancel", id: UniqueIdentifier, at: number) =>
    t(key, { item: nameOf(indexOf(id)), position: at + 1, count: items.length });
  const announcements: Announcements = {
    onDragStart: ({ active }) => said("start", active.id, indexOf(active.id)),
    onDragOver: ({ active, over }) => (over ? said("over", active.id, indexOf(over.id)) : undefined),
    onDragEnd: ({ active, over }) => (over ? said("end", active.id, indexOf(over.id)) : said("cancel", active.id, indexOf(active.id))),
    onDragCancel: ({ active }) => said("cancel", active.id, indexOf(active.id)),
  };
  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const from = indexOf(active.id);
    const to = indexOf(over.id);
    if (from >= 0 && to >= 0) onMove(from, to);
  }
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t("instructions") } }}>
      <SortableContext items={items.map((item) => item.id)} strategy={verticalListSortingStrategy}>
        <List className={className}>
          {items.map((item, index) => (
            <SortableItem key={item.id} id={item.id} as={itemAs} className={itemClassName} label={(name) => t("handle", { item: name ?? nameOf(index) })}>
              {(handle) => children(item, index, handle)}
            </SortableItem>
          ))}
        </List>
      </SortableContext>
    </DndContext>
  );
}

function SortableItem({
  id,
  as: Item,
  className,
  label,
  children,
}: {
  id: string;
  as: "li" | "div";
  className?: string;
  label: (name?: string) => string;
  children: (handle: (name?: string) => ReactNode) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = (name?: string) => (
    <button
      type="button"
      ref={setActivatorNodeRef}
      {...attributes}
      {...listeners}
      aria-label={label(name)}
      title={label(name)}
      className="inline-flex min-h-10 min-w-10 cursor-grab touch-none items-center justify-center rounded-md text-lg text-muted hover:bg-surface hover:text-ink active:cursor-grabbing"
      data-testid="drag-handle"
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
  return (
    <Item
      ref={setNodeRef}
      className={className}
      // While lifted, the item floats above its neighbours.
      style={{ transform: CSS.Translate.toString(transform), transition, position: "relative", zIndex: isDragging ? 20 : undefined }}
      data-dragging={isDragging || undefined}
    >
      {children(handle)}
    </Item>
  );
}
