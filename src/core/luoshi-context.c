/* luoshi-context.c: the services a window works with
 *
 * Copyright 2026 The Luoshi authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "luoshi-context.h"

struct _LuoshiContext
{
  GObject      parent_instance;

  LuoshiStore *store;
  GSettings   *settings;
};

G_DEFINE_FINAL_TYPE (LuoshiContext, luoshi_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
luoshi_context_dispose (GObject *object)
{
  LuoshiContext *self = LUOSHI_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (luoshi_context_parent_class)->dispose (object);
}

static void
luoshi_context_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LuoshiContext *self = LUOSHI_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luoshi_context_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LuoshiContext *self = LUOSHI_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luoshi_context_class_init (LuoshiContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = luoshi_context_dispose;
  object_class->get_property = luoshi_context_get_property;
  object_class->set_property = luoshi_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LUOSHI_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
luoshi_context_init (LuoshiContext *self)
{
}

LuoshiContext *
luoshi_context_new (LuoshiStore *store,
                    GSettings   *settings)
{
  g_return_val_if_fail (LUOSHI_IS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (LUOSHI_TYPE_CONTEXT,
                       "store", store,
                       "settings", settings,
                       NULL);
}

LuoshiStore *
luoshi_context_get_store (LuoshiContext *self)
{
  g_return_val_if_fail (LUOSHI_IS_CONTEXT (self), NULL);

  return self->store;
}

GSettings *
luoshi_context_get_settings (LuoshiContext *self)
{
  g_return_val_if_fail (LUOSHI_IS_CONTEXT (self), NULL);

  return self->settings;
}
